using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Fiscal;

namespace Dashboard.Server.Features.Exports;

public sealed class ServerExportService(DashboardDbContext db, AuditWriter audit, TimeProvider clock) : IExportService
{
    public async Task<ExportFile?> BuildPackAsync(int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        if (quarter is < 1 or > 4 || fiscalYear is < 1900 or > 2999)
        {
            return null;
        }

        var q = new FiscalQuarter(fiscalYear, quarter);
        var data = await PackData.LoadAsync(db, q, audit.Actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (data is null)
        {
            return null;
        }

        // Building is CPU-bound (a second or two for a large plan); keep it off the request thread.
        return new ExportFile(PackNaming.FileName(q), await Task.Run(() => PackBuilder.Build(data), cancellationToken));
    }
}
