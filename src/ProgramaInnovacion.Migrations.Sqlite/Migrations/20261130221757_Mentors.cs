using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramaInnovacion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Mentors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReadyForFeedback",
                table: "Deliverables",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ByMentor",
                table: "Comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AttendanceRecordedAtUtc",
                table: "CalendarSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LedByOrganizationId",
                table: "CalendarSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StageDefinitionId",
                table: "CalendarSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganizationId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CoordinatorEditions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatorEditions", x => new { x.UserId, x.EditionId });
                    table.ForeignKey(
                        name: "FK_CoordinatorEditions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoordinatorEditions_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorId = table.Column<string>(type: "TEXT", nullable: false),
                    StageDefinitionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorAssignments_AspNetUsers_MentorId",
                        column: x => x.MentorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorAssignments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorAssignments_StageDefinitions_StageDefinitionId",
                        column: x => x.StageDefinitionId,
                        principalTable: "StageDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorVisits",
                columns: table => new
                {
                    MentorId = table.Column<string>(type: "TEXT", nullable: false),
                    LastVisitAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorVisits", x => x.MentorId);
                    table.ForeignKey(
                        name: "FK_MentorVisits_AspNetUsers_MentorId",
                        column: x => x.MentorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionAttendance",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionAttendance", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SessionAttendance_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_CalendarSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CalendarSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionSpecialists",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionSpecialists", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SessionSpecialists_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionSpecialists_CalendarSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CalendarSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionTeams",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionTeams", x => new { x.SessionId, x.ProjectId });
                    table.ForeignKey(
                        name: "FK_SessionTeams_CalendarSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CalendarSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionTeams_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarSessions_LedByOrganizationId",
                table: "CalendarSessions",
                column: "LedByOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarSessions_StageDefinitionId",
                table: "CalendarSessions",
                column: "StageDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganizationId",
                table: "AspNetUsers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatorEditions_EditionId",
                table: "CoordinatorEditions",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorAssignments_MentorId_ProjectId",
                table: "MentorAssignments",
                columns: new[] { "MentorId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorAssignments_ProjectId",
                table: "MentorAssignments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorAssignments_StageDefinitionId",
                table: "MentorAssignments",
                column: "StageDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_ProjectId",
                table: "SessionAttendance",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_UserId",
                table: "SessionAttendance",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionSpecialists_UserId",
                table: "SessionSpecialists",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionTeams_ProjectId",
                table: "SessionTeams",
                column: "ProjectId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_AllianceOrganizations_OrganizationId",
                table: "AspNetUsers",
                column: "OrganizationId",
                principalTable: "AllianceOrganizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_CalendarSessions_AllianceOrganizations_LedByOrganizationId",
                table: "CalendarSessions",
                column: "LedByOrganizationId",
                principalTable: "AllianceOrganizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_CalendarSessions_StageDefinitions_StageDefinitionId",
                table: "CalendarSessions",
                column: "StageDefinitionId",
                principalTable: "StageDefinitions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_AllianceOrganizations_OrganizationId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_CalendarSessions_AllianceOrganizations_LedByOrganizationId",
                table: "CalendarSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_CalendarSessions_StageDefinitions_StageDefinitionId",
                table: "CalendarSessions");

            migrationBuilder.DropTable(
                name: "CoordinatorEditions");

            migrationBuilder.DropTable(
                name: "MentorAssignments");

            migrationBuilder.DropTable(
                name: "MentorVisits");

            migrationBuilder.DropTable(
                name: "SessionAttendance");

            migrationBuilder.DropTable(
                name: "SessionSpecialists");

            migrationBuilder.DropTable(
                name: "SessionTeams");

            migrationBuilder.DropIndex(
                name: "IX_CalendarSessions_LedByOrganizationId",
                table: "CalendarSessions");

            migrationBuilder.DropIndex(
                name: "IX_CalendarSessions_StageDefinitionId",
                table: "CalendarSessions");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganizationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ReadyForFeedback",
                table: "Deliverables");

            migrationBuilder.DropColumn(
                name: "ByMentor",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "AttendanceRecordedAtUtc",
                table: "CalendarSessions");

            migrationBuilder.DropColumn(
                name: "LedByOrganizationId",
                table: "CalendarSessions");

            migrationBuilder.DropColumn(
                name: "StageDefinitionId",
                table: "CalendarSessions");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "AspNetUsers");
        }
    }
}
