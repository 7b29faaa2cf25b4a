using System.Net;
using System.Net.Sockets;
using DualPrevention.Core;
using DualPrevention.Core.Data;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualPrevention.IntegrationTests.Notifications;

public sealed class WebhookDeliveryTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly WebhookEndpoint _endpoint = new();

    [Fact]
    public async Task A_failed_webhook_delivery_is_retried_after_back_off_and_then_recorded_delivered()
    {
        database.SetLocalDay(new DateOnly(2026, 12, 1));
        _endpoint.FailuresBeforeSuccess = 1;
        var notificationId = await EscalateOneMajorAsync();

        (await DeliverAsync()).ShouldBe(new DeliverNotifications.Result(0, 1));
        var afterFailure = await DeliveryAsync(notificationId);
        afterFailure.Attempts.ShouldBe(1);
        afterFailure.LastError!.ShouldContain("500");
        afterFailure.NextAttemptAt.ShouldBe(database.Clock.GetUtcNow().AddMinutes(1));
        (await DeliverAsync()).ShouldBe(new DeliverNotifications.Result(0, 0));

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        (await DeliverAsync()).ShouldBe(new DeliverNotifications.Result(1, 0));
        var delivered = await DeliveryAsync(notificationId);
        delivered.Status.ShouldBe(DeliveryStatus.Delivered);
        delivered.Attempts.ShouldBe(2);
        _endpoint.Bodies.Last().ShouldContain("\"recipient\":\"weifang\"");
        _endpoint.Bodies.Last().ShouldContain("\"link\":\"hidden-dangers/");
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_given_up_after_six_attempts_spaced_1_2_4_8_16_minutes()
    {
        database.SetLocalDay(new DateOnly(2026, 12, 2));
        _endpoint.FailuresBeforeSuccess = int.MaxValue;
        var notificationId = await EscalateOneMajorAsync();

        var gaps = new List<double>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            (await DeliverAsync()).Failed.ShouldBe(1);
            var delivery = await DeliveryAsync(notificationId);
            if (delivery.NextAttemptAt is { } next)
            {
                gaps.Add((next - database.Clock.GetUtcNow()).TotalMinutes);
                database.Clock.SetUtcNow(next);
            }
        }

        gaps.ShouldBe([1, 2, 4, 8, 16]);
        var failed = await DeliveryAsync(notificationId);
        failed.Status.ShouldBe(DeliveryStatus.Failed);
        failed.Attempts.ShouldBe(6);
        failed.LastError!.ShouldContain("500");
        (await DeliverAsync()).ShouldBe(new DeliverNotifications.Result(0, 0));
    }

    [Fact]
    public async Task An_outbound_message_is_in_its_recipients_language_and_links_under_the_public_base_url()
    {
        database.SetLocalDay(new DateOnly(2026, 12, 3));
        _endpoint.FailuresBeforeSuccess = 0;
        await SetCultureAsync("weifang", "en-US");
        try
        {
            var notificationId = await EscalateOneMajorAsync();

            (await DeliverAsync(new PublicSite(new Uri("https://aqsc.example.gov.cn/dp")))).ShouldBe(new DeliverNotifications.Result(1, 0));

            (await DeliveryAsync(notificationId)).Status.ShouldBe(DeliveryStatus.Delivered);
            var body = _endpoint.Bodies.Last();
            body.ShouldContain("\"title\":\"Major hidden danger registered\"");
            body.ShouldContain("\"link\":\"https://aqsc.example.gov.cn/dp/hidden-dangers/");
        }
        finally
        {
            await SetCultureAsync("weifang", "zh-CN");
        }
    }

    public void Dispose() => _endpoint.Dispose();

    private async Task SetCultureAsync(string userName, string culture)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture));
    }

    private WebhookNotificationChannel Channel() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, _endpoint.Url);

    private async Task<Guid> EscalateOneMajorAsync()
    {
        var id = await ForcedHiddenDanger.Of(database.Wf1).Major().DueOn(new DateOnly(2027, 1, 31)).SaveAsync(database);
        (await database.EscalateAsync()).StepsFired.ShouldBe(1);
        (await database.NotifyAsync(Channel())).Notifications.ShouldBe(1);
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Notifications.Where(n => n.Link == $"hidden-dangers/{id}").Select(n => n.Id).SingleAsync();
    }

    private async Task<DeliverNotifications.Result> DeliverAsync(PublicSite? site = null)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var handler = new DeliverNotifications.Handler(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>(), database.Clock, [Channel()], site ?? new PublicSite(null),
            NullLogger<DeliverNotifications.Handler>.Instance);
        return await handler.HandleAsync(CancellationToken.None);
    }

    private async Task<NotificationDelivery> DeliveryAsync(Guid notificationId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.NotificationId == notificationId);
    }

    /// <summary>A local robot endpoint: answers 500 for the first <see cref="FailuresBeforeSuccess"/> posts, then 200.</summary>
    private sealed class WebhookEndpoint : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _posts;

        public WebhookEndpoint()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = new Uri($"http://127.0.0.1:{port}/robot/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _ = ServeAsync();
        }

        public Uri Url { get; }

        public int FailuresBeforeSuccess { get; set; }

        public List<string> Bodies { get; } = [];

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    lock (Bodies)
                    {
                        Bodies.Add(reader.ReadToEnd());
                    }
                }

                context.Response.StatusCode = ++_posts <= FailuresBeforeSuccess ? 500 : 200;
                context.Response.Close();
            }
        }
    }
}
