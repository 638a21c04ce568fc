using Microsoft.Playwright;
using OtpNet;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Foundation;

[Collection(BrowserCollection.Name)]
public class TwoFactorBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task Enrolment_ShowsTheQrCodeOnScreen_AndTheCodeFromTheAppTurnsItOn(int width)
    {
        var email = $"qr{width}@programa.example";
        await browser.Factory.CreateUserAsync(email, Roles.MunicipalTeam, "gualeguaychu");
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 800);
        await session.SignInAsync(email);

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Verificación en dos pasos" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Activar la verificación en dos pasos" }).ClickAsync();

        // The QR code is drawn (the image decoded, not a broken icon), whole and inside the window.
        var qr = session.Page.GetByAltText("Código QR para agregar el portal a la aplicación de autenticación");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        var box = (await qr.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= width && box.Width >= 150, $"QR fuera de la ventana o demasiado chico: {box.X}+{box.Width} de {width}");
        await session.AssertNoSeriousA11yViolationsAsync();
        await VisibleLayout.SaveScreenshotAsync(session.Page, "dos-pasos");

        var key = (await session.Page.Locator("code.two-factor-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await session.Page.GetByLabel("Código de verificación").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Verificar y activar" }).ClickAsync();

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Códigos de recuperación" })).ToBeVisibleAsync();
        Assert.Equal(10, await session.Page.Locator("ul.recovery-codes li").CountAsync());
        await Assertions.Expect(session.Page.Locator("ul.recovery-codes li").Last).ToBeVisibleAsync();
        await session.AssertNoSeriousA11yViolationsAsync();
    }
}
