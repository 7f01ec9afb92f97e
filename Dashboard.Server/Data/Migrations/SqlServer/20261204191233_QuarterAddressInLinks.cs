using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Server.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QuarterAddressInLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One address vocabulary for a quarter (fy/q): links stored in notifications before it keep working.
            migrationBuilder.Sql("UPDATE Notifications SET Link = REPLACE(REPLACE(Link, '?fiscalYear=', '?fy='), '&quarter=', '&q=') WHERE Link LIKE '%fiscalYear=%'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE Notifications SET Link = REPLACE(REPLACE(Link, '?fy=', '?fiscalYear='), '&q=', '&quarter=') WHERE Link LIKE '%?fy=%'");
        }
    }
}
