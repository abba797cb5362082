namespace Fashen.Store;

/// <summary>The data folder is already open in another Fashen process (a running service, or a command
/// working on the same folder).</summary>
public sealed class DataFolderInUseException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="DataFolderInUseException"/> class.</summary>
    /// <param name="folder">The data folder.</param>
    /// <param name="inner">The error from the operating system.</param>
    public DataFolderInUseException(string folder, IOException inner)
        : base($"数据文件夹“{folder}”正被另一个 Fashen 进程使用（例如正在运行的 fashen serve）。同一数据文件夹同时只能由一个进程打开；服务运行时请通过 HTTP 接口操作，或先停止服务。", inner)
    {
        Folder = folder;
    }

    /// <summary>Gets the data folder.</summary>
    public string Folder { get; }

    /// <summary>Takes the folder's exclusive lock, held until the returned stream is disposed.</summary>
    /// <param name="lockPath">The lock file.</param>
    /// <param name="folder">The data folder, for the message.</param>
    /// <returns>The open lock file.</returns>
    internal static FileStream Lock(string lockPath, string folder)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new DataFolderInUseException(folder, exception);
        }
    }
}
