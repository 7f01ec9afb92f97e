using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Publishing;

/// <summary>What the planner publishes for residents. The server implements it over the database, the client over the API.</summary>
public interface IPublishingService
{
    /// <summary>The plan's quarters with their closed and published state, and the notes of published quarters.</summary>
    Task<PublishingDto?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Publishes a closed quarter; why not, in Japanese, when it cannot be.</summary>
    Task<Outcome<Done>> PublishAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a published quarter; why not, in Japanese, when it cannot be.</summary>
    Task<Outcome<Done>> WithdrawAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default);

    /// <summary>Makes an approved entry's PDCA notes public or internal; why not, in Japanese, when it cannot be.</summary>
    Task<Outcome<Done>> SetNotesPublicAsync(string kpiCode, int fiscalYear, int quarter, bool isPublic, CancellationToken cancellationToken = default);
}
