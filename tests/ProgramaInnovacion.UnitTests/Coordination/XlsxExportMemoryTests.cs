using MiniExcelLibs;
using ProgramaInnovacion.Web.Features.Coordination;
using ProgramaInnovacion.Web.Infrastructure.Spreadsheets;

namespace ProgramaInnovacion.UnitTests.Coordination;

/// <summary>
/// Peak memory of the .xlsx exports (issue 14): what one workbook allocates is counted in bytes on
/// the writing thread (a MemoryStream completes every write synchronously), not timed.
/// </summary>
public class XlsxExportMemoryTests
{
    private static readonly ExportTable SmallTable = new("Avance", ["Municipio", "Provincia", "Etapa actual"],
        [["Tandil", "Buenos Aires", "5. Ideación"], ["Jesús María", "Córdoba", "4. Validación"]]);

    [Fact]
    public async Task WriteXlsx_OfASmallTable_AllocatesAFewMegabytesAtMost_AndStillReadsBack()
    {
        await CoordinationExports.WriteXlsxAsync(SmallTable, new MemoryStream()); // first use: MiniExcel's own caches

        using var stream = new MemoryStream();
        var before = GC.GetAllocatedBytesForCurrentThread();
        await CoordinationExports.WriteXlsxAsync(SmallTable, stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // MiniExcel's default buffers alone are about 20 MB per workbook, on the large object heap.
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated:N0} bytes allocated for a two-row workbook");
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Tandil", "Jesús María"], rows.Select(r => (string)r["Municipio"]));
    }

    [Fact]
    public void Configuration_KeepsEachPartsBuffersUnderTheLargeObjectThreshold()
    {
        // A StreamWriter of N characters holds a char[N] (2N bytes) and a byte[] of up to 3N + 3 for UTF-8.
        var configuration = XlsxWriting.Configuration();
        Assert.True(3 * configuration.BufferSize + 3 < 85_000);
        Assert.NotSame(configuration, XlsxWriting.Configuration());
    }
}
