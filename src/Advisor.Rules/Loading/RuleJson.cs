using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Advisor.Rules.Loading;

/// <summary>The JSON settings shared by rule files and the API: camelCase, Chinese unescaped.</summary>
public static class RuleJson
{
    /// <summary>Options for reading rule files and writing answers.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the project's JSON conventions to an options instance (the API's, for example).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
