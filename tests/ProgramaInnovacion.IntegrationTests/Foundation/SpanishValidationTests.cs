using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>Validation messages a person reads are Spanish everywhere, also where a form declares none.</summary>
public partial class SpanishValidationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [GeneratedRegex(@"\b(the|field|fields|must|required|is not|invalid|valid|maximum|minimum|length|between|characters|string)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [GeneratedRegex(@"https?://[^\s]+/invitacion/([A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task AcceptInvitation_WithAnEmptyRepeatedPassword_SaysSoInSpanish_AndCreatesNoPassword()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var invited = await admin.SubmitFormAsync("/admin/usuarios/invitar", "form.invite-form", new Dictionary<string, string>
        {
            ["Form.Email"] = "repite@municipio.example",
            ["Form.DisplayName"] = "Rita Repite",
            ["Form.Roles"] = Roles.Expert,
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        await factory.DeliverMailAsync();
        var token = Directory.GetFiles(factory.MailPickupPath, "*.eml").Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == "repite@municipio.example"))
            .Select(m => InvitationLink().Match(m.TextBody ?? "").Groups[1].Value).Single();

        using var person = factory.CreatePortalClient();
        var response = await person.SubmitFormAsync($"/invitacion/{token}", "form.accept-form", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Rita Repite",
            ["Form.Password"] = "una frase larga y fácil",
            ["Form.ConfirmPassword"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var error = page.QuerySelector("#Form_ConfirmPassword-error")!.TextContent.Trim();
        Assert.Equal("Completá «Repetí la contraseña».", error);
        Assert.DoesNotMatch(English(), page.QuerySelector("main")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == "repite@municipio.example" && u.PasswordHash != null)));
    }

    [Fact]
    public async Task Invite_WithAnOverLongEmail_SaysSoInSpanish_AndKeepsWhatWasTyped()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var email = new string('a', 250) + "@municipio.example";

        var response = await admin.SubmitFormAsync("/admin/usuarios/invitar", "form.invite-form", new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = "Larga Dirección",
            ["Form.Roles"] = Roles.Expert,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var error = page.QuerySelector("#Form_Email-error")!.TextContent.Trim();
        Assert.Contains("256 caracteres", error, StringComparison.Ordinal);
        Assert.DoesNotMatch(English(), error);
        Assert.Equal("Larga Dirección", page.QuerySelector("#Form_DisplayName")!.GetAttribute("value"));
    }

    /// <summary>
    /// Every validation rule of every form any action binds — declared or implicit (a non-nullable
    /// string is required) — produces a Spanish message naming the field by its Spanish label.
    /// </summary>
    [Fact]
    public void EveryBoundForm_HasSpanishValidationMessages_ThatNameFieldsByTheirLabel()
    {
        var actions = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<ControllerActionDescriptor>();
        var metadata = factory.Services.GetRequiredService<IModelMetadataProvider>();
        var seen = new HashSet<Type>();
        var problems = new List<string>();
        var checkedRules = 0;

        void Walk(ModelMetadata model)
        {
            if (!model.IsComplexType || model.ModelType.Namespace?.StartsWith("ProgramaInnovacion", StringComparison.Ordinal) != true || !seen.Add(model.ModelType))
            {
                return;
            }

            foreach (var property in model.Properties)
            {
                foreach (var rule in property.ValidatorMetadata.OfType<ValidationAttribute>())
                {
                    checkedRules++;
                    var message = rule.FormatErrorMessage(property.GetDisplayName());
                    var where = $"{model.ModelType.Name}.{property.PropertyName} [{rule.GetType().Name}]: {message}";
                    if (English().IsMatch(message))
                    {
                        problems.Add($"en inglés — {where}");
                    }

                    if (property.DisplayName is null && rule is not CompareAttribute && message.Contains(property.PropertyName!, StringComparison.Ordinal))
                    {
                        problems.Add($"nombra el campo por su nombre en el código — {where}");
                    }
                }

                Walk(property.ElementMetadata ?? property);
            }
        }

        foreach (var parameter in actions.SelectMany(a => a.Parameters))
        {
            var model = metadata.GetMetadataForType(parameter.ParameterType);
            // A value made by its own binder (e.g. the expert's access) is not a form a person fills in.
            if (parameter.BindingInfo?.BinderType is null && model.BinderType is null)
            {
                Walk(model.ElementMetadata ?? model);
            }
        }

        Assert.True(checkedRules > 50, $"Solo se revisaron {checkedRules} reglas: ¿cambió la forma de recorrer los formularios?");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
