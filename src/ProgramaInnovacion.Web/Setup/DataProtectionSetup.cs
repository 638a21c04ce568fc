using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using ProgramaInnovacion.Core.Data;

namespace ProgramaInnovacion.Web.Setup;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys in the database, so every app instance behind a load balancer reads the same cookies,
    /// antiforgery tokens and reset links. With `DataProtection:CertificatePath` (a PKCS#12 file,
    /// password in `DataProtection:CertificatePassword`) new keys are stored encrypted with that
    /// certificate, so a database dump alone cannot forge a cookie; every instance needs the file.
    /// `DataProtection:PreviousCertificatePaths` (separated by ';', same password) still reads keys
    /// encrypted with a certificate being replaced.
    /// </summary>
    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("ProgramaInnovacion")
            .PersistKeysToDbContext<AppDbContext>();
        var section = builder.Configuration.GetSection("DataProtection");
        var current = section["CertificatePath"];
        if (!string.IsNullOrWhiteSpace(current))
        {
            var certificates = (section["PreviousCertificatePaths"] ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Prepend(current)
                .Select(path => X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]))
                .ToArray();
            protection.ProtectKeysWithCertificate(certificates[0]).UnprotectKeysWithAnyCertificate(certificates);
        }

        return builder;
    }
}
