using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Assessments;

/// <summary>Initiative assessments. The server implements it over the database (the default, interactive server pages), the WebAssembly mode over the API.</summary>
public interface IAssessmentService
{
    /// <summary>The assessment of initiative <paramref name="initiative"/> for <paramref name="fiscalYear"/> (every signed-in person), or null when there is no such initiative or year.</summary>
    Task<InitiativeAssessmentDto?> GetAsync(int initiative, int fiscalYear, CancellationToken cancellationToken = default);

    /// <summary>Saves the assessment and the committee's opinion (planners; audited).</summary>
    Task<Outcome<InitiativeAssessmentDto>> SaveAsync(int initiative, int fiscalYear, SaveAssessmentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Saves the owning department's reply (its section staff; audited).</summary>
    Task<Outcome<InitiativeAssessmentDto>> ReplyAsync(int initiative, int fiscalYear, SaveReplyRequest request, CancellationToken cancellationToken = default);
}
