using System.Security.Cryptography;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.IntegrationTests.Storage;

/// <summary>What every file store promises; run against the local disk and against S3 (s3rver).</summary>
public abstract class FileStoreContractTests
{
    protected abstract Task<IFileStore> StoreAsync();

    [Fact]
    public async Task Save_ThenOpen_ReturnsTheSameBytes_UnderANewRandomName()
    {
        var store = await StoreAsync();
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var first = await store.SaveAsync(new MemoryStream(bytes));
        var second = await store.SaveAsync(new MemoryStream(bytes));

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(bytes, await ReadAllAsync(store, first));
    }

    [Fact]
    public async Task Save_OfAFileAtTheUploadLimit_FromAStreamThatCannotSeek_KeepsEveryByte()
    {
        var store = await StoreAsync();
        var bytes = RandomNumberGenerator.GetBytes((int)UploadOptions.DefaultMaxUploadBytes);

        var name = await store.SaveAsync(new ForwardOnlyStream(bytes));

        var read = await ReadAllAsync(store, name);
        Assert.Equal(bytes.Length, read.Length);
        Assert.True(bytes.AsSpan().SequenceEqual(read));
    }

    [Fact]
    public async Task Open_OfANameThatWasNeverStored_IsNull()
    {
        var store = await StoreAsync();

        Assert.Null(await store.OpenReadAsync(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));
    }

    [Fact]
    public async Task Delete_RemovesTheFile()
    {
        var store = await StoreAsync();
        var name = await store.SaveAsync(new MemoryStream("%PDF-1.4"u8.ToArray()));

        await store.DeleteAsync(name);

        Assert.Null(await store.OpenReadAsync(name));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("x")]
    public async Task NamesTheStoreDidNotMake_AreRefused(string name)
    {
        var store = await StoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(name));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(name));
    }

    private static async Task<byte[]> ReadAllAsync(IFileStore store, string name)
    {
        await using var stream = await store.OpenReadAsync(name);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A request body as the server may hand it over: readable once, length unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class LocalDiskFileStoreTests : FileStoreContractTests, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("programa-store-").FullName;

    protected override Task<IFileStore> StoreAsync() => Task.FromResult<IFileStore>(new LocalDiskFileStore(root));

    public void Dispose() => Directory.Delete(root, recursive: true);
}

public sealed class S3FileStoreTests(S3TestServer server) : FileStoreContractTests, IClassFixture<S3TestServer>
{
    protected override async Task<IFileStore> StoreAsync() => await server.NewStoreAsync();
}
