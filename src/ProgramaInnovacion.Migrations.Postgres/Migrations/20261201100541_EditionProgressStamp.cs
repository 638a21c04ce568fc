using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramaInnovacion.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EditionProgressStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProgressStamp",
                table: "Editions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProgressStamp",
                table: "Editions");
        }
    }
}
