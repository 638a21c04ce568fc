namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// An entity whose row carries an integer version, the optimistic-concurrency token (the same on
/// SQLite and PostgreSQL). AppDbContext raises it on every save that changes the row, so a second
/// writer who loaded the row before that save updates nothing and gets a
/// DbUpdateConcurrencyException instead of silently overwriting the first.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
