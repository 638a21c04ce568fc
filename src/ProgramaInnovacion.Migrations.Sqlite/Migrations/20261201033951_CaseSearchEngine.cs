using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramaInnovacion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseSearchEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseTerms");

            // Added by hand (docs/migrations.md): the provider's own full-text index of the cases.
            migrationBuilder.Sql(Sql.CaseSearchSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.CaseSearchSql.Down);

            migrationBuilder.CreateTable(
                name: "CaseTerms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTerms", x => new { x.Term, x.CaseEntryId });
                    table.ForeignKey(
                        name: "FK_CaseTerms_CaseEntries_CaseEntryId",
                        column: x => x.CaseEntryId,
                        principalTable: "CaseEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTerms_CaseEntryId",
                table: "CaseTerms",
                column: "CaseEntryId");
        }
    }
}
