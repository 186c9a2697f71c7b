using System.Text.Json.Nodes;

namespace Advisor.Rules.Tests.Support;

/// <summary>
/// A throw-away rules folder: the real schema and vocabulary plus copies of real procedures, which a
/// test then breaks on purpose.
/// </summary>
public sealed class RuleFixture : IDisposable
{
    public RuleFixture(params string[] procedureIds)
    {
        Directory = Path.Combine(Path.GetTempPath(), "dutyadvisor-rules-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "schema"));
        File.Copy(Path.Combine(RepoPaths.Rules, "facts.json"), Path.Combine(Directory, "facts.json"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "calendar"));
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Rules, "schema")))
            File.Copy(file, Path.Combine(Directory, "schema", Path.GetFileName(file)));

        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Rules, "calendar")))
            File.Copy(file, Path.Combine(Directory, "calendar", Path.GetFileName(file)));

        foreach (var id in procedureIds)
            File.Copy(Path.Combine(RepoPaths.Rules, id + ".json"), Path.Combine(Directory, id + ".json"));
    }

    public string Directory { get; }

    /// <summary>Changes a procedure file through its JSON tree.</summary>
    public void Edit(string id, Action<JsonObject> change)
    {
        var path = Path.Combine(Directory, id + ".json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    public void Write(string fileName, string text) => File.WriteAllText(Path.Combine(Directory, fileName), text);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
