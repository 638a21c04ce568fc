using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>Data-protection keys live in the database, encrypted when a certificate is configured.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task WithoutACertificate_TheKeyIsInTheDatabase()
    {
        await using var first = new PortalFactory();
        await first.InitializeAsync();
        using var client = first.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");

        var xml = Assert.Single(await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()));
        Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACertificate_TheStoredKeyIsEncrypted_AndSignInStillWorks()
    {
        var folder = Directory.CreateTempSubdirectory("programa-dp-cert-").FullName;
        var path = Path.Combine(folder, "claves.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=programa-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, "clave-de-prueba"));
        }

        try
        {
            await using var factory = new CertificateFactory(path, "clave-de-prueba");
            await factory.InitializeAsync();
            using var client = factory.CreatePortalClient();
            await client.SignInAsync("tandil@programa.example");

            var xml = Assert.Single(await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()));
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            var home = await client.Http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class CertificateFactory(string path, string password) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataProtection:CertificatePath", path);
            builder.UseSetting("DataProtection:CertificatePassword", password);
        }
    }
}
