using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Stages;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.IntegrationTests.Storage;

/// <summary>The portal configured with Storage:Provider=S3 against s3rver, and the migrate-files verb.</summary>
[Collection(ConsoleSwapping.Name)]
public sealed class S3StoreInPortalTests(S3TestServer server) : IClassFixture<S3TestServer>
{
    [Fact]
    public async Task Upload_WithTheS3Store_LandsInTheBucket_NotOnDisk_AndDownloadsByteForByte()
    {
        var bucket = "portal" + Guid.NewGuid().ToString("N")[..12];
        await using var factory = new S3PortalFactory(server, bucket);
        await factory.InitializeAsync();
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        await StageForms.SetStateAsync(factory, "tandil", "prototipo", StageState.InProgress);
        var url = $"/proyectos/{projectId}/etapas/prototipo";
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("tandil@programa.example");
        byte[] pdf = [.. "%PDF-1.4\n"u8, .. RandomNumberGenerator.GetBytes(200_000)];

        var page = await team.GetPageAsync(url);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in StageForms.Fields(page, StageForms.FormSelector))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent("adjuntos"), "campo");
        content.Add(new ByteArrayContent(pdf), "f.adjuntos.archivo", "maqueta.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await team.Http.PostAsync(url + "/adjuntos", content)).StatusCode);

        var attachment = await factory.WithDbAsync(db => db.Attachments.SingleAsync(a => a.Deliverable.ProjectStage.ProjectId == projectId));
        using var bucketStore = new S3FileStore(server.StoreOptions(bucket));
        Assert.Equal(pdf.Length, await bucketStore.SizeOfAsync(attachment.StoredName));
        Assert.False(File.Exists(Path.Combine(factory.Database.DataPath, "uploads", attachment.StoredName)));
        var download = await team.Http.GetAsync($"/proyectos/{projectId}/adjuntos/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task MigrateFiles_CopiesEveryLocalFileUnderItsName_AndARerunCopiesNothingTwice()
    {
        var dataPath = Directory.CreateTempSubdirectory("programa-migrate-files-").FullName;
        var bucket = "migrate" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var local = new LocalDiskFileStore(Path.Combine(dataPath, "uploads"));
            var first = RandomNumberGenerator.GetBytes(1000);
            var second = RandomNumberGenerator.GetBytes(150_000);
            var names = new[] { await local.SaveAsync(new MemoryStream(first)), await local.SaveAsync(new MemoryStream(second)) };

            var (exit, output) = RunMigrateFiles(dataPath, bucket);
            var (rerunExit, rerunOutput) = RunMigrateFiles(dataPath, bucket);

            Assert.Equal(0, exit);
            Assert.Contains("copiados", output, StringComparison.Ordinal);
            Assert.Contains(": 2; ya estaban: 0.", output, StringComparison.Ordinal);
            Assert.Equal(0, rerunExit);
            Assert.Contains(": 0; ya estaban: 2.", rerunOutput, StringComparison.Ordinal);
            using var s3 = new S3FileStore(server.StoreOptions(bucket));
            foreach (var (name, bytes) in names.Zip([first, second]))
            {
                await using var stream = await s3.OpenReadAsync(name);
                using var copy = new MemoryStream();
                await stream!.CopyToAsync(copy);
                Assert.Equal(bytes, copy.ToArray());
            }

            Assert.Equal(2, local.StoredNames().Count()); // the local files stay until the operator removes them
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public void MigrateFiles_WithoutABucket_SaysWhatToConfigure()
    {
        var (exit, _) = Run(["migrate-files", "--Storage:S3:Bucket="]);

        Assert.Equal(2, exit);
    }

    private (int Exit, string Output) RunMigrateFiles(string dataPath, string bucket) =>
        Run([
            "migrate-files",
            $"--Storage:DataPath={dataPath}",
            $"--Storage:S3:ServiceUrl={server.ServiceUrl}",
            $"--Storage:S3:Bucket={bucket}",
            $"--Storage:S3:AccessKey={S3TestServer.AccessKey}",
            $"--Storage:S3:SecretKey={S3TestServer.AccessKey}",
            "--Storage:S3:CreateBucket=true",
        ]);

    private static (int Exit, string Output) Run(string[] args)
    {
        // The verb prints its figures on the console; capture them for the assertion.
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var exit = (int)typeof(Program).Assembly.EntryPoint!.Invoke(null, [(string[])[.. args, "--environment=Production"]])!;
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private sealed class S3PortalFactory(S3TestServer server, string bucket) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Provider", "S3");
            builder.UseSetting("Storage:S3:ServiceUrl", server.ServiceUrl);
            builder.UseSetting("Storage:S3:Bucket", bucket);
            builder.UseSetting("Storage:S3:AccessKey", S3TestServer.AccessKey);
            builder.UseSetting("Storage:S3:SecretKey", S3TestServer.AccessKey);
            builder.UseSetting("Storage:S3:CreateBucket", "true");
        }
    }
}
