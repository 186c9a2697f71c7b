using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Advisor.Api.Tests.Support;

/// <summary>The service in memory, on the repository's rules.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<(int Status, System.Text.Json.JsonElement Body)> PostAsync(string url, string json)
    {
        using var client = CreateClient();
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), Json(json));
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return ((int)response.StatusCode, body);
    }
}
