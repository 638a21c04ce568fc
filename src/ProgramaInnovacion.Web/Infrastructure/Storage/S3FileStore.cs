using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ProgramaInnovacion.Web.Infrastructure.Storage;

/// <summary>Configuration `Storage:S3:*` for an S3-compatible store (AWS, MinIO, Ceph…).</summary>
public sealed class S3StoreOptions
{
    /// <summary>The endpoint, e.g. http://minio:9000; empty for AWS itself (then Region decides).</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>http://host/bucket/key instead of http://bucket.host/key: MinIO and most self-hosted servers need it.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Folder-like prefix of every key, so one bucket can hold several portals' files.</summary>
    public string KeyPrefix { get; set; } = "uploads/";
}

/// <summary>
/// Uploaded files as objects of one bucket, named like the local store (128 random bits in hex).
/// Bytes are streamed both ways: an upload is sent from the request's buffered file (ASP.NET Core
/// keeps uploads above 64 KB on disk), a download is the object's response stream, so no whole file
/// sits in memory. One PUT holds up to 5 GB, far above the upload limit.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly S3StoreOptions options;

    public S3FileStore(S3StoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new InvalidOperationException("Con Storage:Provider=S3 hay que configurar Storage:S3:Bucket.");
        }

        this.options = options;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Checksums only where S3 requires them: self-hosted servers do not all speak the
            // trailing-checksum ("aws-chunked") encoding the SDK would otherwise send.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        // Without keys in configuration the SDK's own chain applies (environment, instance role).
        client = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public string Bucket => options.Bucket;

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await SaveAsAsync(name, content, cancellationToken);
        return name;
    }

    /// <summary>Stores bytes under a name the local store already chose (the migrate-files command).</summary>
    public async Task SaveAsAsync(string storedName, Stream content, CancellationToken cancellationToken = default)
    {
        if (!content.CanSeek)
        {
            // The request is signed over a hash of the body, so the body is read twice: a stream
            // that cannot rewind is spooled to a temp file first (never to memory).
            await using var spooled = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(spooled, cancellationToken);
            spooled.Position = 0;
            await SaveAsAsync(storedName, spooled, cancellationToken);
            return;
        }

        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = KeyOf(storedName),
            InputStream = content,
            AutoCloseStream = false,
            ContentType = "application/octet-stream",
            // One signed request rather than "aws-chunked" streaming signatures, which not every
            // S3-compatible server decodes (s3rver stores them as part of the bytes).
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await client.GetObjectAsync(options.Bucket, KeyOf(storedName), cancellationToken);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The stored size, or null when there is no such object.</summary>
    public async Task<long?> SizeOfAsync(string storedName, CancellationToken cancellationToken = default)
    {
        try
        {
            var metadata = await client.GetObjectMetadataAsync(options.Bucket, KeyOf(storedName), cancellationToken);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string storedName, CancellationToken cancellationToken = default) =>
        await client.DeleteObjectAsync(options.Bucket, KeyOf(storedName), cancellationToken);

    /// <summary>Creates the bucket when it does not exist yet (first start against an empty server).</summary>
    public async Task EnsureBucketAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = options.Bucket }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    public void Dispose()
    {
        client.Dispose();
    }

    private string KeyOf(string storedName) => options.KeyPrefix + LocalDiskFileStore.CheckedName(storedName);

    /// <summary>The object's body; disposing it releases the HTTP response too.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream body = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => body.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => body.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                body.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
