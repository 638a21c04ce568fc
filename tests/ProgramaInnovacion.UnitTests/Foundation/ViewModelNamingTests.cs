using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class ViewModelNamingTests
{
    /// <summary>What a view renders is a …ViewModel (posted input is a …Form): one suffix, not …Page, …Model and …ViewModel side by side.</summary>
    [Fact]
    public void FeatureTypes_NamedLikeAViewModel_AllEndInViewModel()
    {
        var offenders = typeof(AuditLog).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("ProgramaInnovacion.Web.Features", StringComparison.Ordinal) == true && !t.IsNested)
            .Where(t => (t.Name.EndsWith("Page", StringComparison.Ordinal) || t.Name.EndsWith("Model", StringComparison.Ordinal)) && !t.Name.EndsWith("ViewModel", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }
}
