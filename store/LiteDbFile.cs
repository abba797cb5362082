using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace Fashen.Store;

/// <summary>Opens the LiteDB file so that strings are compared byte for byte (ordinal), and migrates a file made before that.</summary>
/// <remarks>
/// LiteDB's default collation compares strings by culture, ignoring case and some invisible characters: two case ids, two
/// idempotency keys or two API key ids differing only in capitals or a zero-width space were one key, and a write of the
/// second silently replaced the first. The collation is fixed when a file is created; a file made with another is rebuilt
/// once with the ordinal collation, after a copy of it is kept beside it. Ordinal tells apart everything the old collation
/// told apart, so the rebuild cannot merge two documents; it is checked to keep every document of every collection, and a
/// rebuild that does not is undone from the copy and the store refuses to open, saying so.
/// </remarks>
internal static class LiteDbFile
{
    /// <summary>The name of the copy kept before the file is migrated.</summary>
    public const string BackupFileName = "fashen.before-ordinal.db";

    /// <summary>Opens (or creates) the file with the ordinal collation, migrating it when needed.</summary>
    /// <param name="path">The database file.</param>
    /// <returns>The open database.</returns>
    /// <exception cref="StoreSchemaException">The migration did not keep every document; the file is as it was.</exception>
    public static LiteDatabase OpenOrdinal(string path)
    {
        // LiteDB refuses to open a file whose collation differs from the one the connection names, so only a new file is
        // opened naming it; an existing one is opened as it is, and its collation read.
        var db = new LiteDatabase(File.Exists(path) ? Existing(path) : Connection(path));
        if (db.Collation.SortOptions == CompareOptions.Ordinal)
        {
            return db;
        }

        var before = Counts(db);
        db.Checkpoint();
        db.Dispose();
        var backup = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, BackupFileName);
        if (!File.Exists(backup))
        {
            File.Copy(path, backup);
        }

        db = new LiteDatabase(Existing(path));
        try
        {
            db.Rebuild(new RebuildOptions { Collation = Collation.Binary });
            var after = Counts(db);
            if (db.Collation.SortOptions == CompareOptions.Ordinal && before.Count == after.Count && !before.Except(after).Any())
            {
                db.Checkpoint();
                return db;
            }

            throw new StoreSchemaException($"把数据文件 {path} 改为按字节比较编号时，重建后的文档数与重建前不符（{Describe(before)} → {Describe(after)}）。");
        }
        catch (Exception exception) when (exception is LiteException or StoreSchemaException or IOException)
        {
            db.Dispose();
            File.Copy(backup, path, overwrite: true);
            throw new StoreSchemaException(
                $"数据文件夹中的数据库是旧版 Fashen 建立的，编号不区分大小写；本次启动把它改为按字节比较时失败（{exception.Message}），数据文件已恢复原样，"
                + $"原文件另存为 {backup}。请保留该文件夹并联系技术支持；在此之前可用旧版 Fashen 打开它。");
        }
    }

    private static ConnectionString Connection(string path) =>
        new() { Filename = path, Connection = ConnectionType.Direct, Collation = Collation.Binary };

    private static ConnectionString Existing(string path) => new() { Filename = path, Connection = ConnectionType.Direct };

    private static Dictionary<string, int> Counts(LiteDatabase db) =>
        db.GetCollectionNames().ToDictionary(name => name, name => db.GetCollection(name).Count(), StringComparer.Ordinal);

    private static string Describe(Dictionary<string, int> counts) =>
        string.Join("，", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
