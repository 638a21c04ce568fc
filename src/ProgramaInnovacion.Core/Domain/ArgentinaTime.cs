namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// The program runs on Argentina wall-clock time while instants are stored in UTC: this is the one
/// place that converts between them (seeders, forms, calendar grids and due dates all call it).
/// </summary>
public static class ArgentinaTime
{
    /// <summary>The IANA id, also written into iCalendar feeds.</summary>
    public const string ZoneId = "America/Argentina/Buenos_Aires";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>A due date entered as a bare day closes at the end of that day: 23:59 in Argentina.</summary>
    public static readonly TimeOnly DueTime = new(23, 59);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>An Argentina wall-clock time (its Kind is ignored) as a UTC instant.</summary>
    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>A day and time in Argentina as a UTC instant; midnight (the start of the day) when no time is given.</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time = default) => ToUtc(date.ToDateTime(time));

    /// <summary>The last minute of an Argentina calendar day (23:59 local), as due dates are read.</summary>
    public static DateTime EndOfLocalDay(DateOnly date) => ToUtc(date, DueTime);

    /// <summary>The Argentina calendar day an instant falls on.</summary>
    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));
}
