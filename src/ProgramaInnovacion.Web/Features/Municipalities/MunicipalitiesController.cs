using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Municipalities;

public sealed record MunicipalityRow(int Id, string Name, string Province, MunicipalityCategory Category, int? Population, string Slug, string? OfficialCode, int Projects);

/// <summary>One page of the municipalities (a federal import brings ~2,300), optionally searched by name, province or code.</summary>
public sealed record MunicipalityListViewModel(IReadOnlyList<MunicipalityRow> Rows, Pager Pager, string? Search);

public class MunicipalityForm
{
    [Required(ErrorMessage = "Escribí el nombre del municipio.")]
    [StringLength(200, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    [Display(Name = "Nombre")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Escribí la provincia.")]
    [StringLength(100, ErrorMessage = "La provincia puede tener hasta {1} caracteres.")]
    [Display(Name = "Provincia")]
    public string Province { get; set; } = "";

    [RegularExpression("^[0-9A-Za-z-]{1,20}$", ErrorMessage = "El código oficial lleva números o letras, hasta 20.")]
    [Display(Name = "Código oficial")]
    public string? OfficialCode { get; set; }

    [Display(Name = "Categoría")]
    public MunicipalityCategory Category { get; set; } = MunicipalityCategory.Intermediate;

    [Range(1, 20_000_000, ErrorMessage = "La población va de {1} a {2} habitantes.")]
    [Display(Name = "Población")]
    public int? Population { get; set; }

    [Required(ErrorMessage = "Escribí la clave corta (por ejemplo, «jesusmaria»).")]
    [RegularExpression("^[a-z0-9-]{2,100}$", ErrorMessage = "La clave lleva minúsculas sin tildes, números o guiones (2 a 100 caracteres).")]
    [Display(Name = "Clave corta")]
    public string Slug { get; set; } = "";
}

public sealed record MunicipalityViewModel(int? Id, MunicipalityForm Form);

/// <summary>The municipalities that can join editions. Coordinators read; administrators change.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("admin/municipios")]
public class MunicipalitiesController(AppDbContext db, AuditLog audit, MunicipalityCategories categories) : Controller
{
    public const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? buscar, int pagina = 1)
    {
        var search = string.IsNullOrWhiteSpace(buscar) ? null : buscar.Trim();
        var query = db.Municipalities.AsNoTracking();
        if (search is not null)
        {
            query = query.Where(m => m.Name.Contains(search) || m.Province.Contains(search) || m.OfficialCode == search);
        }

        var pager = Pager.Of(await query.CountAsync(), pagina, PageSize, "/admin/municipios", new Dictionary<string, string?> { ["buscar"] = search }, "municipios");
        var rows = await query.OrderBy(m => m.Name).ThenBy(m => m.Province).Skip(pager.Skip).Take(PageSize)
            .Select(m => new MunicipalityRow(m.Id, m.Name, m.Province, m.Category, m.Population, m.Slug, m.OfficialCode, db.Projects.Count(p => p.MunicipalityId == m.Id)))
            .ToListAsync();
        return View(new MunicipalityListViewModel(rows, pager, search));
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpGet("nuevo")]
    public IActionResult Create() => View("Edit", new MunicipalityViewModel(null, new MunicipalityForm()));

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("nuevo")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] MunicipalityForm form)
    {
        form.Slug = form.Slug.Trim().ToLowerInvariant();
        await ValidateUniqueAsync(form, null);
        if (!ModelState.IsValid)
        {
            return View("Edit", new MunicipalityViewModel(null, form));
        }

        var municipality = await db.InTransactionAsync(async () =>
        {
            var created = new Municipality { Name = form.Name.Trim(), Province = form.Province.Trim(), Slug = form.Slug };
            Apply(created, form, await categories.BandsAsync());
            db.Municipalities.Add(created);
            await db.SaveChangesAsync(); // the audit entry records the new id
            audit.Record(User, AuditActions.MunicipalityCreated, nameof(Municipality), created.Id, $"{created.Name} ({created.Province})");
            await db.SaveChangesAsync();
            return created;
        });
        TempData["Message"] = $"{municipality.Name} quedó agregado.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var m = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        return m is null
            ? NotFound()
            : View(new MunicipalityViewModel(id, new MunicipalityForm { Name = m.Name, Province = m.Province, OfficialCode = m.OfficialCode, Category = m.Category, Population = m.Population, Slug = m.Slug }));
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] MunicipalityForm form)
    {
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == id);
        if (municipality is null)
        {
            return NotFound();
        }

        form.Slug = form.Slug.Trim().ToLowerInvariant();
        await ValidateUniqueAsync(form, id);
        if (!ModelState.IsValid)
        {
            return View(new MunicipalityViewModel(id, form));
        }

        var before = $"{municipality.Name}; {municipality.Province}; {municipality.OfficialCode}; {municipality.Category}; {municipality.Population}; {municipality.Slug}";
        Apply(municipality, form, await categories.BandsAsync());
        audit.Record(User, AuditActions.MunicipalityEdited, nameof(Municipality), id, $"Antes: {before}. Después: {municipality.Name}; {municipality.Province}; {municipality.OfficialCode}; {municipality.Category}; {municipality.Population}; {municipality.Slug}");
        await db.SaveChangesAsync();
        TempData["Message"] = "Guardamos los cambios del municipio.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>With a population the category comes from the bands (the one rule); without one, the category chosen stays.</summary>
    private static void Apply(Municipality municipality, MunicipalityForm form, IReadOnlyList<CategoryBand> bands)
    {
        municipality.Name = form.Name.Trim();
        municipality.Province = form.Province.Trim();
        municipality.OfficialCode = string.IsNullOrWhiteSpace(form.OfficialCode) ? null : form.OfficialCode.Trim();
        municipality.Category = MunicipalityCategories.For(form.Population, form.Category, bands);
        municipality.Population = form.Population;
        municipality.Slug = form.Slug;
    }

    private async Task ValidateUniqueAsync(MunicipalityForm form, int? id)
    {
        var name = form.Name.Trim();
        var province = form.Province.Trim();
        if (await db.Municipalities.AnyAsync(m => m.Slug == form.Slug && m.Id != id))
        {
            ModelState.AddModelError("Form.Slug", "Ya hay un municipio con esa clave corta.");
        }

        var code = string.IsNullOrWhiteSpace(form.OfficialCode) ? null : form.OfficialCode.Trim();
        if (code is not null && await db.Municipalities.AnyAsync(m => m.OfficialCode == code && m.Id != id))
        {
            ModelState.AddModelError("Form.OfficialCode", "Ya hay un municipio con ese código oficial.");
        }

        if (await db.Municipalities.AnyAsync(m => m.Name == name && m.Province == province && m.Id != id))
        {
            ModelState.AddModelError("Form.Name", "Ese municipio ya está cargado en esa provincia.");
        }
    }
}
