using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// The app as deployed: Production, behind a reverse proxy that terminates TLS and says so in X-Forwarded-Proto.
/// Only a configured proxy is believed; the same headers from anyone else change nothing.
/// </summary>
public class ProductionBehindTlsTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string TrustedProxy = "10.9.8.7";
    private const string OneYear = "max-age=31536000";

    private HttpClient Production()
    {
        var factory = web.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", TrustedProxy);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        });
        // HSTS is never sent to localhost, so the client asks for the platform's public name.
        return factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://dp.example.cn"), AllowAutoRedirect = false, HandleCookies = false });
    }

    private static HttpRequestMessage LoginPageFrom(string connection, string path = "/account/login") =>
        new(HttpMethod.Get, path)
        {
            Headers = { { ClientAddressFromHeader.Header, connection }, { "X-Forwarded-For", "198.51.100.77" }, { "X-Forwarded-Proto", "https" } },
        };

    [Fact]
    public async Task Through_the_trusted_proxy_the_answer_carries_a_year_of_HSTS_and_secure_cookies()
    {
        var page = await Production().SendAsync(LoginPageFrom(TrustedProxy));

        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith(OneYear);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Through_the_trusted_proxy_the_language_cookie_is_secure_too()
    {
        var switched = await Production().SendAsync(LoginPageFrom(TrustedProxy, "/culture/set?culture=en-US&returnUrl=/account/login"));

        switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task The_same_headers_from_an_untrusted_address_are_ignored_no_HSTS_and_no_secure_cookie()
    {
        var page = await Production().SendAsync(LoginPageFrom("10.9.8.6"));

        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Plain_HTTP_straight_to_the_app_gets_no_HSTS()
    {
        var page = await Production().GetAsync("/account/login");

        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }
}
