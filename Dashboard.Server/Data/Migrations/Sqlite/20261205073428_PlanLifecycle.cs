using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PredecessorId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Plans",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.CreateTable(
                name: "KpiSuccessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    PredecessorKpiId = table.Column<int>(type: "INTEGER", nullable: false),
                    SuccessorKpiId = table.Column<int>(type: "INTEGER", nullable: true),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiSuccessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiSuccessions_Kpis_PredecessorKpiId",
                        column: x => x.PredecessorKpiId,
                        principalTable: "Kpis",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_KpiSuccessions_Kpis_SuccessorKpiId",
                        column: x => x.SuccessorKpiId,
                        principalTable: "Kpis",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_KpiSuccessions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_PredecessorId",
                table: "Plans",
                column: "PredecessorId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiSuccessions_PlanId_PredecessorKpiId",
                table: "KpiSuccessions",
                columns: new[] { "PlanId", "PredecessorKpiId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiSuccessions_PredecessorKpiId",
                table: "KpiSuccessions",
                column: "PredecessorKpiId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiSuccessions_SuccessorKpiId",
                table: "KpiSuccessions",
                column: "SuccessorKpiId");

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Plans_PredecessorId",
                table: "Plans",
                column: "PredecessorId",
                principalTable: "Plans",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Plans_PredecessorId",
                table: "Plans");

            migrationBuilder.DropTable(
                name: "KpiSuccessions");

            migrationBuilder.DropIndex(
                name: "IX_Plans_PredecessorId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PredecessorId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Plans");
        }
    }
}
