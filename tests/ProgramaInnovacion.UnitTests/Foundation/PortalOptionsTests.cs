using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class PortalOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("https://portal.ril.org.ar", true)]
    [InlineData("https://portal.ril.org.ar/", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("portal.ril.org.ar", false)]
    [InlineData("ftp://portal.ril.org.ar", false)]
    [InlineData("https://portal.ril.org.ar/programa", false)]
    [InlineData("https://portal.ril.org.ar/?a=1", false)]
    public void PublicUrl_MustBeAnHttpOrigin(string? value, bool valid) =>
        Assert.Equal(valid, PortalOptions.IsValid(new PortalOptions { PublicUrl = value }));
}
