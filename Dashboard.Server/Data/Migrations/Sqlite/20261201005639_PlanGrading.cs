using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanGrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "GradeA",
                table: "Plans",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 1.00m);

            migrationBuilder.AddColumn<decimal>(
                name: "GradeB",
                table: "Plans",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.80m);

            migrationBuilder.AddColumn<decimal>(
                name: "GradeBaselineBand",
                table: "Plans",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.10m);

            migrationBuilder.AddColumn<decimal>(
                name: "GradeC",
                table: "Plans",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.60m);

            migrationBuilder.AddColumn<string>(
                name: "GradeScheme",
                table: "Plans",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "AtoD");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GradeA",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "GradeB",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "GradeBaselineBand",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "GradeC",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "GradeScheme",
                table: "Plans");
        }
    }
}
