using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Projects;

/// <summary>Read models of projects for the home pages; each is one SQL query however many stages.</summary>
public class ProjectQueries(AppDbContext db, ArgentinaClock clock)
{
    public async Task<ProjectOverview?> GetOverviewAsync(int projectId)
    {
        var row = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Id,
                Municipality = p.Municipality.Name,
                p.Municipality.Province,
                Edition = p.Edition.Name,
                p.Title,
                p.IsDemo,
                Stages = p.Stages.OrderBy(s => s.StageDefinition.Order).Select(s => new
                {
                    s.StageDefinition.Order,
                    s.StageDefinition.Key,
                    s.StageDefinition.Name,
                    s.State,
                    s.StageDefinition.DueAtUtc,
                    s.SubmittedAtUtc,
                    s.StageDefinition.HasTeamForm,
                }).ToList(),
                PanelPublishedAtUtc = db.PanelPublications.Where(pp => pp.ProjectId == p.Id).Select(pp => (DateTime?)pp.PublishedAtUtc).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        var now = clock.UtcNow;
        return new ProjectOverview(row.Id, row.Municipality, row.Province, row.Edition, row.Title, row.IsDemo,
            row.Stages.Select(s => new StageSummary(s.Order, s.Key, s.Name, s.State, s.DueAtUtc, StageDeadline.IsOverdue(s.State, s.HasTeamForm, s.DueAtUtc, now))
            {
                SubmittedAtUtc = s.SubmittedAtUtc,
                HasTeamForm = s.HasTeamForm,
            }).ToList())
        {
            PanelPublishedAtUtc = row.PanelPublishedAtUtc,
        };
    }

    /// <summary>The projects of the newest edition with their current stage, for coordinators.</summary>
    public async Task<(string? Edition, IReadOnlyList<ProjectRow> Projects)> GetCurrentEditionProjectsAsync()
    {
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartsAtUtc).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync();
        if (edition is null)
        {
            return (null, []);
        }

        var rows = await db.Projects.AsNoTracking()
            .Where(p => p.EditionId == edition.Id)
            .OrderBy(p => p.Municipality.Name)
            .Select(p => new
            {
                p.Id,
                Municipality = p.Municipality.Name,
                p.Municipality.Province,
                p.Title,
                p.IsDemo,
                Stages = p.Stages.OrderBy(s => s.StageDefinition.Order).Select(s => new { s.StageDefinition.Order, s.StageDefinition.Key, s.StageDefinition.Name, s.State, s.StageDefinition.DueAtUtc, s.StageDefinition.HasTeamForm }).ToList(),
            })
            .ToListAsync();

        var now = clock.UtcNow;
        var projects = rows.Select(p =>
        {
            var current = p.Stages.FirstOrDefault(s => s.State != StageState.Approved);
            return new ProjectRow(p.Id, p.Municipality, p.Province, p.Title, p.IsDemo,
                p.Stages.Count(s => s.State == StageState.Approved), p.Stages.Count,
                current is null ? null : new StageSummary(current.Order, current.Key, current.Name, current.State, current.DueAtUtc, StageDeadline.IsOverdue(current.State, current.HasTeamForm, current.DueAtUtc, now)));
        }).ToList();
        return (edition.Name, projects);
    }
}
