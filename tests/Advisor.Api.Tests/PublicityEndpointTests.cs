using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Advisor.Api.Tests;

public sealed class PublicityEndpointTests(WebApplicationFactory<Program> factory)
    : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_Procedure59BeforeNationalDay_SkipsTheHolidayWeek()
    {
        using var response = await _client.GetAsync("/api/procedures/59/publicity?start=2025-09-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var root = body.RootElement;
        Assert.Equal("59", root.GetProperty("procedureId").GetString());
        Assert.Equal("2025-09-30", root.GetProperty("start").GetString());
        var step = Assert.Single(root.GetProperty("steps").EnumerateArray());
        Assert.Equal("publicity", step.GetProperty("stepId").GetString());
        Assert.Equal(5, step.GetProperty("minDays").GetInt32());
        Assert.Equal("working", step.GetProperty("dayUnit").GetString());
        Assert.Equal("2025-10-14", step.GetProperty("earliestEnd").GetString());
        Assert.False(string.IsNullOrEmpty(step.GetProperty("name").GetString()));
        Assert.False(root.TryGetProperty("calendarNote", out _));
    }

    [Fact]
    public async Task Get_SevenDaysOnOrdinaryMonday_EndsTheMondayAfter()
    {
        var step = await FirstStepAsync("/api/procedures/34/publicity?start=2025-03-03");

        Assert.Equal("calendar", step.GetProperty("dayUnit").GetString());
        Assert.Equal(7, step.GetProperty("minDays").GetInt32());
        Assert.Equal("2025-03-10", step.GetProperty("earliestEnd").GetString());
    }

    [Fact]
    public async Task Get_UnconfirmedYear_CarriesCalendarNote()
    {
        using var response = await _client.GetAsync("/api/procedures/34/publicity?start=2027-03-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var note = body.RootElement.GetProperty("calendarNote").GetString();
        Assert.Contains("2027", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ProcedureWithoutPublicity_EmptySteps()
    {
        using var response = await _client.GetAsync("/api/procedures/36/publicity?start=2025-03-03");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(0, body.RootElement.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Get_UnknownProcedure_Returns404Problem()
    {
        using var response = await _client.GetAsync("/api/procedures/99x/publicity?start=2025-03-03");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("99x", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]                        // missing
    [InlineData("?start=")]                 // empty
    [InlineData("?start=%20")]              // blank
    [InlineData("?start=2025%2F09%2F30")]   // wrong separator
    [InlineData("?start=30-09-2025")]       // wrong order
    [InlineData("?start=2025-02-30")]       // no such day
    [InlineData("?start=2025-09-30T00:00")] // a time too
    [InlineData("?start=tomorrow")]
    [InlineData("?start=2025-09-30&start=2025-10-01")]
    public async Task Get_BadStart_Returns400NamingStartAndFormat(string query)
    {
        await AssertBadStartAsync($"/api/procedures/59/publicity{query}");
    }

    [Theory]
    [InlineData("2024-12-31")] // the day before the calendar
    [InlineData("2028-01-01")] // the day after it
    [InlineData("1999-01-01")]
    [InlineData("2027-12-28")] // inside, but the 7 days run into 2028
    public async Task Get_StartOutsideCalendar_Returns400NamingStart(string start)
    {
        var detail = await AssertBadStartAsync($"/api/procedures/34/publicity?start={start}");

        Assert.Contains("2025-01-01", detail, StringComparison.Ordinal);
        Assert.Contains("2027-12-31", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ManyRequestsInParallel_EachCorrect()
    {
        var cases = Enumerable.Range(0, 40)
            .Select(i => i % 2 == 0
                ? ("59", "2025-09-30", "2025-10-14")
                : ("34", "2025-03-03", "2025-03-10"))
            .ToList();

        var ends = await Task.WhenAll(cases.Select(async c =>
            (await FirstStepAsync($"/api/procedures/{c.Item1}/publicity?start={c.Item2}"))
                .GetProperty("earliestEnd").GetString()));

        Assert.Equal(cases.Select(c => c.Item3), ends);
    }

    private async Task<JsonElement> FirstStepAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("steps")[0].Clone();
    }

    private async Task<string> AssertBadStartAsync(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var root = body.RootElement;
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        var errors = root.GetProperty("errors").GetProperty("start");
        Assert.Contains("YYYY-MM-DD", errors[0].GetString(), StringComparison.Ordinal);
        var detail = root.GetProperty("detail").GetString()!;
        Assert.Contains("start", detail, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", detail, StringComparison.Ordinal);
        return detail;
    }
}
