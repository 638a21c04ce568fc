using MiniExcelLibs.OpenXml;

namespace ProgramaInnovacion.Web.Infrastructure.Spreadsheets;

/// <summary>
/// How every .xlsx of the portal is written with MiniExcel (issue 14: peak memory).
/// </summary>
public static class XlsxWriting
{
    /// <summary>
    /// Characters each part of the workbook buffers before it is written to the zip. MiniExcel's
    /// default, 512 K, gives every part a 1 MB character buffer and a 1.5 MB byte buffer, both on the
    /// large object heap, which only a full collection frees: about 20 MB per export, whatever its
    /// size, and 32 exports at once took the portal from 320 to 720 MB. At 16 K both buffers stay
    /// under the large-object threshold (85,000 bytes) and die young; the file is the same.
    /// </summary>
    public const int BufferSize = 16 * 1024;

    /// <summary>A new configuration per workbook: MiniExcel's is mutable, so none is shared.</summary>
    public static OpenXmlConfiguration Configuration() => new() { BufferSize = BufferSize };
}
