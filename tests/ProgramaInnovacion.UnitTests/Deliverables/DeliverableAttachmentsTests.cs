using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Moq;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.UnitTests.Deliverables;

/// <summary>
/// The download of a deliverable's file, with the file store as the seam: which bytes are asked
/// for, and what a reader gets when the store has none. The database is a real SQLite one in memory.
/// </summary>
public sealed class DeliverableAttachmentsTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Slugs = ["tandil", "bariloche"];
    private static readonly DateTime Now = new(2021, 9, 1, 14, 0, 0, DateTimeKind.Utc);
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly Mock<IFileStore> files = new(MockBehavior.Strict);
    private AppDbContext db = null!;
    private int tandil;
    private int bariloche;
    private int tandilFile;

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        var author = new AppUser { UserName = "equipo@programa.example", Email = "equipo@programa.example", DisplayName = "Equipo" };
        var edition = new ProgramEdition
        {
            Name = "Edición de prueba",
            Theme = "Digitalización de Servicios",
            StartsAtUtc = Now,
            CreatedAtUtc = Now,
            Stages = DefaultStageTemplate.Stages.Select(t => t.ToDefinition()).ToList(),
        };
        var projects = Slugs
            .Select(slug => ProjectFactory.Create(edition, new Municipality { Name = slug, Province = "Buenos Aires", Slug = slug }, Now))
            .ToList();
        db.AddRange(author, edition);
        db.Projects.AddRange(projects);
        var prototype = projects[0].Stages.Single(s => s.StageDefinition.Role == StageRole.Prototype);
        var attachment = new Attachment
        {
            FieldKey = "adjuntos",
            OriginalFileName = "prototipo.pdf",
            StoredName = "guardado-al-azar",
            ContentType = "application/pdf",
            SizeBytes = 4,
            UploadedById = author.Id,
            UploadedAtUtc = Now,
        };
        db.Deliverables.Add(new Deliverable { ProjectStage = prototype, UpdatedAtUtc = Now, Attachments = [attachment] });
        await db.SaveChangesAsync();
        (tandil, bariloche, tandilFile) = (projects[0].Id, projects[1].Id, attachment.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        db.Dispose();
        connection.Dispose();
    }

    [Fact]
    public async Task Download_OfTheProjectsOwnFile_StreamsTheStoredBytes_UnderItsOriginalName_AndNeverLetsTheBrowserSniff()
    {
        files.Setup(f => f.OpenReadAsync("guardado-al-azar", It.IsAny<CancellationToken>())).ReturnsAsync(new MemoryStream([1, 2, 3, 4]));
        var response = new DefaultHttpContext().Response;

        var result = await new DeliverableAttachments(db, files.Object).DownloadAsync(response, tandil, tandilFile);

        var file = Assert.IsType<FileStreamResult>(result);
        Assert.Equal("prototipo.pdf", file.FileDownloadName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        files.Verify(f => f.OpenReadAsync("guardado-al-azar", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Download_OfAnotherProjectsFile_IsNotFound_AndNeverReachesTheStore()
    {
        // Strict mock: any call to the store would throw.
        var result = await new DeliverableAttachments(db, files.Object).DownloadAsync(new DefaultHttpContext().Response, bariloche, tandilFile);

        Assert.IsType<NotFoundResult>(result);
        files.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Download_WhenTheStoreLostTheBytes_IsNotFound()
    {
        files.Setup(f => f.OpenReadAsync("guardado-al-azar", It.IsAny<CancellationToken>())).ReturnsAsync((Stream?)null);

        var result = await new DeliverableAttachments(db, files.Object).DownloadAsync(new DefaultHttpContext().Response, tandil, tandilFile);

        Assert.IsType<NotFoundResult>(result);
    }
}
