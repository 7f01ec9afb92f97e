using System.Security.Claims;
using Dashboard.Server.Data;

namespace Dashboard.Server.Features.Audit;

/// <summary>Adds audit rows to the current unit of work, so they are saved with the change or not at all.</summary>
public sealed class AuditWriter(DbOperations operations, Dashboard.Server.Features.Auth.CurrentUser current, TimeProvider clock)
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    public string Actor => current.Principal.FindFirstValue(ClaimTypes.Upn)
        ?? current.Principal.Identity?.Name
        ?? "system";

    /// <summary>Records a field change when old and new differ; returns whether it did.</summary>
    public bool Changed(string entityType, string entityKey, string field, string? oldValue, string? newValue, string? reason = null)
    {
        if (string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            return false;
        }

        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = Actor,
            EntityType = entityType,
            EntityKey = entityKey,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            Reason = reason,
        });
        return true;
    }
}
