using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Mentors;

public static class MentorAccounts
{
    /// <summary>Active accounts with the Mentor / Especialista role: who may be assigned to a project or expected at a session.</summary>
    public static IQueryable<AppUser> ActiveMentors(this AppDbContext db) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Mentor)));
}
