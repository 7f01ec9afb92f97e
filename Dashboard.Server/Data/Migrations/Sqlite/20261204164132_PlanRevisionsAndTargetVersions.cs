using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanRevisionsAndTargetVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiTargets_KpiId_FiscalYear",
                table: "KpiTargets");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodEndAfter",
                table: "PlanRevisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodEndBefore",
                table: "PlanRevisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "PlanRevisions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "PlanRevisions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedUtc",
                table: "PlanRevisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                table: "KpiTargets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "KpiTargets",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "KpiTargets",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedUtc",
                table: "KpiTargets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiTargets_KpiId_FiscalYear_EffectiveFrom",
                table: "KpiTargets",
                columns: new[] { "KpiId", "FiscalYear", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiTargets_KpiId_FiscalYear_EffectiveFrom",
                table: "KpiTargets");

            migrationBuilder.DropColumn(
                name: "PeriodEndAfter",
                table: "PlanRevisions");

            migrationBuilder.DropColumn(
                name: "PeriodEndBefore",
                table: "PlanRevisions");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "PlanRevisions");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "PlanRevisions");

            migrationBuilder.DropColumn(
                name: "RecordedUtc",
                table: "PlanRevisions");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                table: "KpiTargets");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "KpiTargets");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "KpiTargets");

            migrationBuilder.DropColumn(
                name: "RecordedUtc",
                table: "KpiTargets");

            migrationBuilder.CreateIndex(
                name: "IX_KpiTargets_KpiId_FiscalYear",
                table: "KpiTargets",
                columns: new[] { "KpiId", "FiscalYear" },
                unique: true);
        }
    }
}
