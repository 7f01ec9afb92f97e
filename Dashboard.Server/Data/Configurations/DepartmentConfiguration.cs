using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> department)
    {
        department.HasIndex(d => d.Code).IsUnique();
        department.Property(d => d.Code).HasMaxLength(32);
        department.Property(d => d.Name).HasMaxLength(100);
    }
}
