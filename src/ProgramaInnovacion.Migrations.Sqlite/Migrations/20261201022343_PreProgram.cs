using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramaInnovacion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PreProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Phase",
                table: "Editions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Running");

            migrationBuilder.CreateTable(
                name: "ApplicationCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationCalls_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CategoryBands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MaxPopulation = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryBands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelectionConfirmations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionConfirmations_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionCriteria_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyCampaigns_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Challenge = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LetterStoredName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LetterFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    LetterContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LetterSizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplications_ApplicationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ApplicationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplications_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyDimensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyDimensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyDimensions_SurveyCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "SurveyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverallScore = table.Column<double>(type: "REAL", nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_SurveyCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "SurveyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationMembers_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoordinatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationScores_AspNetUsers_CoordinatorId",
                        column: x => x.CoordinatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApplicationScores_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationScores_SelectionCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "SelectionCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DimensionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuestions_SurveyDimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "SurveyDimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationCalls_EditionId",
                table: "ApplicationCalls",
                column: "EditionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationMembers_ApplicationId",
                table: "ApplicationMembers",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationScores_ApplicationId_CriterionId_CoordinatorId",
                table: "ApplicationScores",
                columns: new[] { "ApplicationId", "CriterionId", "CoordinatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationScores_CoordinatorId",
                table: "ApplicationScores",
                column: "CoordinatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationScores_CriterionId",
                table: "ApplicationScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_MunicipalityId",
                table: "CallApplications",
                columns: new[] { "CallId", "MunicipalityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_MunicipalityId",
                table: "CallApplications",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryBands_Category",
                table: "CategoryBands",
                column: "Category",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionConfirmations_EditionId",
                table: "SelectionConfirmations",
                column: "EditionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCriteria_EditionId",
                table: "SelectionCriteria",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_QuestionId",
                table: "SurveyAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId_QuestionId",
                table: "SurveyAnswers",
                columns: new[] { "ResponseId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCampaigns_EditionId",
                table: "SurveyCampaigns",
                column: "EditionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyDimensions_CampaignId",
                table: "SurveyDimensions",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_DimensionId",
                table: "SurveyQuestions",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_CampaignId_MunicipalityId",
                table: "SurveyResponses",
                columns: new[] { "CampaignId", "MunicipalityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_MunicipalityId",
                table: "SurveyResponses",
                column: "MunicipalityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationMembers");

            migrationBuilder.DropTable(
                name: "ApplicationScores");

            migrationBuilder.DropTable(
                name: "CategoryBands");

            migrationBuilder.DropTable(
                name: "SelectionConfirmations");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "CallApplications");

            migrationBuilder.DropTable(
                name: "SelectionCriteria");

            migrationBuilder.DropTable(
                name: "SurveyQuestions");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "ApplicationCalls");

            migrationBuilder.DropTable(
                name: "SurveyDimensions");

            migrationBuilder.DropTable(
                name: "SurveyCampaigns");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "Editions");
        }
    }
}
