using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DualPrevention.Testing;

namespace DualPrevention.Web.Tests;

/// <summary>One demo database and one running host per test class; clients sign in as demo users.</summary>
public sealed partial class WebFixture : DemoDatabase
{
    private DualPreventionAppFactory? _factory;

    public DualPreventionAppFactory Factory => _factory!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _factory = new DualPreventionAppFactory(this);
    }

    public override async Task DisposeAsync()
    {
        await _factory!.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A client carrying a bearer token of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName, string password = Password)
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client signed in through the login form (cookie), redirects not followed.</summary>
    public async Task<HttpClient> CookieClientAsync(string userName, string password = Password)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        if ((int)response.StatusCode is < 300 or >= 400)
        {
            throw new InvalidOperationException($"Sign-in of {userName} did not redirect: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>
    /// Signs in through the login form without a cookie container and returns the raw "Cookie" header the browser
    /// would send afterwards, so a test can replay it after a sign-out.
    /// </summary>
    public async Task<string> SignInCookieHeaderAsync(string userName, string password = Password)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/login");
        var cookies = Cookies(page).ToDictionary(c => c.Name, c => c.Value);
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        foreach (var (name, value) in Cookies(await client.SendAsync(post)))
        {
            cookies[name] = value;
        }

        return string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
    }

    /// <summary>The request token of an antiforgery-protected form in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    private static IEnumerable<(string Name, string Value)> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0].Split('=', 2)).Select(p => (p[0], p[1]))
            : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record TokenBody(string AccessToken);
}
