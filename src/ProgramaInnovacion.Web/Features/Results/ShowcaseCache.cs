using Microsoft.AspNetCore.OutputCaching;

namespace ProgramaInnovacion.Web.Features.Results;

/// <summary>
/// The public showcase's answers to anonymous visitors, kept in the server's memory for a minute
/// (issue 14: output caching where it is safe). It is safe there and nowhere else: the pages are
/// the same for every anonymous visitor and carry no cookie, token or name, and ASP.NET Core's
/// default policy never stores nor serves an answer to a signed-in person, a non-GET, an answer
/// that sets a cookie or one that is not a 200 (a 404 of an edition with nothing published is
/// asked again). An ETag still answers 304 from the stored copy.
/// <para>
/// How fresh: the follow-up's writes (measurements, activities, adoptions, publishing and
/// withdrawing) empty it at once on the instance that made them; anything else that reaches the
/// showcase (an edition renamed, a later approval) and the other instances show within a minute —
/// less than the five minutes browsers and proxies may already keep the page
/// (<c>Cache-Control: public, max-age=300</c>).
/// </para>
/// </summary>
public static class ShowcaseCache
{
    public const string Policy = "vitrina";

    public const string Tag = "vitrina";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddShowcaseCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy.Expire(Lifetime).Tag(Tag)));

    /// <summary>After a write the showcase shows: the next anonymous visitor gets a fresh page.</summary>
    public static Task ForgetAsync(IOutputCacheStore store) => store.EvictByTagAsync(Tag, CancellationToken.None).AsTask();
}
