using System.Security.Cryptography;
using Fashen.Store;
using Npgsql;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.SharedStore;

/// <summary>The shared keys in the database under a key-encryption key: keys stored in plain text before one was configured
/// are encrypted at the first start with it, once; after that, a plain-text or tampered key in the table stops the instance
/// (with an alert in the record) rather than being used.</summary>
public sealed class KeysAtRestTests
{
    private static readonly Dictionary<string, string> Kek = new() { ["Fashen:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    [Fact]
    public async Task KeysStoredInPlainText_AreEncryptedAtTheFirstStartWithAKeyEncryptionKey_Once()
    {
        // An instance without a key-encryption key stores the permit signing key and the sign-in token keys as they are.
        await using var plain = FashenApp.StartOnPostgreSql();
        var (_, keyBefore) = await Get(plain.Anonymous(), "/v1/permits/key");
        await plain.PersonAsync("li.min");
        await plain.StopAsync();
        Assert.Contains(StoredValues(plain.PostgreSqlSchema!), v => !v.Value.StartsWith("aes-256-gcm:", StringComparison.Ordinal));

        // Started with one, every key is encrypted, the same keys (the permit key did not change), and the record says which.
        await using (var sealing = plain.StartAnotherInstance(Kek))
        {
            Assert.All(StoredValues(plain.PostgreSqlSchema!), v => Assert.StartsWith("aes-256-gcm:", v.Value, StringComparison.Ordinal));
            var (_, keyAfter) = await Get(sealing.Anonymous(), "/v1/permits/key");
            Assert.Equal(keyBefore.ToString(), keyAfter.ToString());
            var sealedEntry = Assert.Single(sealing.Store.ReadAll(), e => e.Type == "keys.sealed");
            Assert.Contains(PermitKeys.SharedKeyName, sealedEntry.Data, StringComparison.Ordinal);
            await sealing.PersonAsync("li.min");
        }

        // Later starts find nothing to encrypt and record nothing more.
        await using var later = plain.StartAnotherInstance(Kek);
        Assert.Single(later.Store.ReadAll(), e => e.Type == "keys.sealed");
    }

    [Theory]
    [InlineData("a plain-text key in place of the signing key")]
    [InlineData("a plain-text key, the marker deleted")]
    [InlineData("a sealed value altered")]
    public async Task ATableChangedPastFashen_StopsTheInstance_AndIsRecorded(string change)
    {
        await using var first = FashenApp.StartOnPostgreSql(Kek);
        await Get(first.Anonymous(), "/v1/permits/key");
        await first.StopAsync();

        using var attackersKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Execute(first.PostgreSqlSchema!, change switch
        {
            "a sealed value altered" => "UPDATE shared_keys SET value = overlay(value placing 'A' from 20 for 1) || 'AA' WHERE name = @name",
            "a plain-text key, the marker deleted" => $"DELETE FROM shared_keys WHERE name = '{EncryptedSharedKeys.MarkerName}'; UPDATE shared_keys SET value = @pem WHERE name = @name",
            _ => "UPDATE shared_keys SET value = @pem WHERE name = @name",
        }, attackersKey.ExportPkcs8PrivateKeyPem());

        var refused = Assert.ThrowsAny<Exception>(() => first.StartAnotherInstance(Kek));
        var cause = refused as SharedKeyEncryptionException ?? refused.InnerException as SharedKeyEncryptionException;
        Assert.True(cause is not null, refused.ToString());
        Assert.Contains(PermitKeys.SharedKeyName, cause.Message, StringComparison.Ordinal);
        if (change != "a sealed value altered")
        {
            Assert.Contains("明文", cause.Message, StringComparison.Ordinal);
            using var store = new Fashen.Store.PostgreSql.PostgreSqlStore(TestPostgreSql.ConnectionString, first.PostgreSqlSchema!);
            Assert.Contains(store.ReadAll(), e => e.Type == "alert.foreign_key" && e.Data.Contains(PermitKeys.SharedKeyName, StringComparison.Ordinal));
        }
    }

    private static List<KeyValuePair<string, string>> StoredValues(string schema)
    {
        using var connection = TestPostgreSql.Open(schema);
        using var command = new NpgsqlCommand("SELECT name, value FROM shared_keys", connection);
        using var reader = command.ExecuteReader();
        var values = new List<KeyValuePair<string, string>>();
        while (reader.Read())
        {
            values.Add(KeyValuePair.Create(reader.GetString(0), reader.GetString(1)));
        }

        return values;
    }

    private static void Execute(string schema, string sql, string pem)
    {
        using var connection = TestPostgreSql.Open(schema);
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", PermitKeys.SharedKeyName);
        command.Parameters.AddWithValue("pem", pem);
        command.ExecuteNonQuery();
    }
}
