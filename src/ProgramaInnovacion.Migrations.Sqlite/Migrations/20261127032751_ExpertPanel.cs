using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramaInnovacion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExpertPanel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PanelAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertId = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedById = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Declaration = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeclaredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelAssignments_AspNetUsers_AssignedById",
                        column: x => x.AssignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PanelAssignments_AspNetUsers_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelAssignments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedById = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelPublications_AspNetUsers_ClosedById",
                        column: x => x.ClosedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PanelPublications_AspNetUsers_PublishedById",
                        column: x => x.PublishedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PanelPublications_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RubricCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Level1Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level2Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level3Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level4Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level5Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RubricCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RubricCriteria_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReopenedById = table.Column<string>(type: "TEXT", nullable: true),
                    ReopenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelEvaluations_AspNetUsers_ReopenedById",
                        column: x => x.ReopenedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PanelEvaluations_PanelAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "PanelAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationScores_PanelEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "PanelEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationScores_RubricCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "RubricCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelRecommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelRecommendations_PanelEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "PanelEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RespondedById = table.Column<string>(type: "TEXT", nullable: true),
                    RespondedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FollowUpById = table.Column<string>(type: "TEXT", nullable: true),
                    FollowUpAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationResponses_AspNetUsers_FollowUpById",
                        column: x => x.FollowUpById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RecommendationResponses_AspNetUsers_RespondedById",
                        column: x => x.RespondedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RecommendationResponses_PanelRecommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "PanelRecommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationScores_CriterionId",
                table: "EvaluationScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationScores_EvaluationId_CriterionId",
                table: "EvaluationScores",
                columns: new[] { "EvaluationId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelAssignments_AssignedById",
                table: "PanelAssignments",
                column: "AssignedById");

            migrationBuilder.CreateIndex(
                name: "IX_PanelAssignments_ExpertId",
                table: "PanelAssignments",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelAssignments_ProjectId_ExpertId",
                table: "PanelAssignments",
                columns: new[] { "ProjectId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelEvaluations_AssignmentId",
                table: "PanelEvaluations",
                column: "AssignmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelEvaluations_ReopenedById",
                table: "PanelEvaluations",
                column: "ReopenedById");

            migrationBuilder.CreateIndex(
                name: "IX_PanelPublications_ClosedById",
                table: "PanelPublications",
                column: "ClosedById");

            migrationBuilder.CreateIndex(
                name: "IX_PanelPublications_ProjectId",
                table: "PanelPublications",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelPublications_PublishedById",
                table: "PanelPublications",
                column: "PublishedById");

            migrationBuilder.CreateIndex(
                name: "IX_PanelRecommendations_EvaluationId",
                table: "PanelRecommendations",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationResponses_FollowUpById",
                table: "RecommendationResponses",
                column: "FollowUpById");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationResponses_RecommendationId",
                table: "RecommendationResponses",
                column: "RecommendationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationResponses_RespondedById",
                table: "RecommendationResponses",
                column: "RespondedById");

            migrationBuilder.CreateIndex(
                name: "IX_RubricCriteria_EditionId_Name",
                table: "RubricCriteria",
                columns: new[] { "EditionId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationScores");

            migrationBuilder.DropTable(
                name: "PanelPublications");

            migrationBuilder.DropTable(
                name: "RecommendationResponses");

            migrationBuilder.DropTable(
                name: "RubricCriteria");

            migrationBuilder.DropTable(
                name: "PanelRecommendations");

            migrationBuilder.DropTable(
                name: "PanelEvaluations");

            migrationBuilder.DropTable(
                name: "PanelAssignments");
        }
    }
}
