using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class DataStampConfiguration : IEntityTypeConfiguration<DataStamp>
{
    public void Configure(EntityTypeBuilder<DataStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new DataStamp { Id = DataStamp.SingleId, Stamp = Guid.Empty });
    }
}
