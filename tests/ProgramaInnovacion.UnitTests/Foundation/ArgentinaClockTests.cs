using Microsoft.Extensions.Time.Testing;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class ArgentinaClockTests
{
    private static readonly DateTime KickOffUtc = new(2021, 7, 27, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DateTimeText_ShowsArgentinaLocalTimeInSpanish()
    {
        Assert.Equal("27 de julio de 2021, 11:00", ArgentinaClock.DateTimeText(KickOffUtc));
        Assert.Equal("27 de julio de 2021", ArgentinaClock.DateText(KickOffUtc));
    }

    [Fact]
    public void DateText_UsesTheArgentineCalendarDay_NotTheUtcOne()
    {
        // 01:30 UTC on 28 July is still 27 July, 22:30, in Argentina.
        Assert.Equal("27 de julio de 2021", ArgentinaClock.DateText(new DateTime(2021, 7, 28, 1, 30, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(3 * 24, "vence en 3 días")]
    [InlineData(24, "vence mañana")]
    [InlineData(2, "vence hoy")]
    [InlineData(-2 * 24, "vencida hace 2 días")]
    [InlineData(-24, "vencida hace 1 día")]
    public void DueText_CountsCalendarDaysInArgentina(int hoursUntilDue, string expected)
    {
        var now = new DateTimeOffset(2021, 8, 10, 15, 0, 0, TimeSpan.Zero); // 12:00 in Argentina
        var clock = new ArgentinaClock(new FakeTimeProvider(now));
        Assert.Equal(expected, clock.DueText(now.UtcDateTime.AddHours(hoursUntilDue)));
    }

    [Fact]
    public void DaysSince_NeverNegative()
    {
        var now = new DateTimeOffset(2021, 8, 10, 15, 0, 0, TimeSpan.Zero);
        var clock = new ArgentinaClock(new FakeTimeProvider(now));
        Assert.Equal(3, clock.DaysSince(now.UtcDateTime.AddDays(-3).AddHours(-1)));
        Assert.Equal(0, clock.DaysSince(now.UtcDateTime.AddDays(1)));
    }

    [Fact]
    public void ToUtc_ReadsAnArgentinaWallClockTime_ThreeHoursBehindUtc()
    {
        Assert.Equal(KickOffUtc, ArgentinaTime.ToUtc(new DateOnly(2021, 7, 27), new TimeOnly(11, 0)));
        Assert.Equal(KickOffUtc, ArgentinaClock.ToUtc(new DateTime(2021, 7, 27, 11, 0, 0, DateTimeKind.Local)));
        Assert.Equal(DateTimeKind.Utc, ArgentinaTime.ToUtc(new DateOnly(2021, 7, 27)).Kind);
        Assert.Equal(new DateTime(2021, 7, 27, 3, 0, 0, DateTimeKind.Utc), ArgentinaClock.ToUtc(new DateOnly(2021, 7, 27)));
    }

    [Fact]
    public void EndOfLocalDay_Is2359InArgentina_WhichIsTheNextUtcDay()
    {
        var due = ArgentinaClock.EndOfLocalDay(new DateOnly(2021, 8, 10));
        Assert.Equal(new DateTime(2021, 8, 11, 2, 59, 0, DateTimeKind.Utc), due);
        Assert.Equal(new DateOnly(2021, 8, 10), ArgentinaClock.LocalDate(due));
        Assert.Equal("10 de agosto de 2021, 23:59", ArgentinaClock.DateTimeText(due));
    }

    [Theory]
    [InlineData("2021-08-10", "2021-08-11T02:59:00Z")]
    [InlineData(" 2021-08-10T18:00 ", "2021-08-10T21:00:00Z")]
    [InlineData("2021-08-10T18:00:30", "2021-08-10T21:00:30Z")]
    public void DeadlineInput_IsReadAsArgentinaTime_ABareDateAsTheEndOfThatDay(string input, string expectedIso)
    {
        Assert.Equal(expectedIso, ArgentinaClock.Iso(DeadlineText.FromInput(input)!.Value));
    }

    [Fact]
    public void DeadlineInput_ThatDoesNotParse_IsNull()
    {
        Assert.Null(DeadlineText.FromInput("10/08/2021"));
    }

    [Fact]
    public void ReferenceDates_AreTheArgentinaTimesTheProgramAnnounced()
    {
        Assert.Equal(KickOffUtc, ReferenceData.FirstEditionStartUtc);
        Assert.Equal("14 de diciembre de 2021, 18:00", ArgentinaClock.DateTimeText(ReferenceData.FirstEditionEndUtc));
        Assert.Equal("10 de agosto de 2021, 18:00", ArgentinaClock.DateTimeText(ReferenceData.FirstEditionDueDateUtc(1)));
    }

    [Theory]
    [InlineData(0, "desde hoy")]
    [InlineData(1, "hace 1 día")]
    [InlineData(1840, "hace 1.840 días")]
    public void WaitText_SaysTodayAndSingularDay(int days, string expected)
    {
        Assert.Equal(expected, ArgentinaClock.WaitText(days));
    }

    [Fact]
    public void SubmittedText_MarksALateSubmissionWithItsDaysOfDelay()
    {
        var due = new DateTime(2021, 8, 10, 21, 0, 0, DateTimeKind.Utc);
        Assert.Equal("entregada a tiempo", ArgentinaClock.SubmittedText(due, due.AddHours(-5)));
        Assert.Equal("entregada con 1 día de atraso", ArgentinaClock.SubmittedText(due, due.AddHours(3)));
        Assert.Equal("entregada con 3 días de atraso", ArgentinaClock.SubmittedText(due, due.AddDays(2).AddHours(1)));
        Assert.Equal("entregada", ArgentinaClock.SubmittedText(null, due));
    }
}
