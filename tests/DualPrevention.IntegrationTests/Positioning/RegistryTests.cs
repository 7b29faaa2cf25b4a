using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Web.Positioning;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// The positioning registry on PostgreSQL and the real broker: tags, people with certificates, bindings with validity
/// (a visitor's temporary, one wearer per tag until returned), device credentials that publish into their own
/// enterprise only (ADR 0036), and another enterprise seeing none of it, by row-level security alone.
/// </summary>
public class RegistryTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_visitors_tag_is_bound_until_an_end_and_free_for_the_next_person_once_returned()
    {
        await using var services = Services();
        var admin = EnterpriseAdmin(database.Qd1);
        var tag = await RunAsync<RegisterPositioningTag.Handler, Guid>(services, admin, h => h.HandleAsync(admin, new("VIS-0001", TagKind.Badge), default));
        var visitor = await RegisterPersonAsync(services, admin, "访客甲", PersonTypes.Visitor, "某设计院");
        var worker = await RegisterPersonAsync(services, admin, "员工乙", PersonTypes.Employee, null);

        await Should.ThrowAsync<DomainRuleException>(() => BindAsync(services, admin, tag, visitor, until: null));
        var binding = await BindAsync(services, admin, tag, visitor, until: database.Clock.GetUtcNow().AddHours(4));
        await Should.ThrowAsync<ConflictException>(() => BindAsync(services, admin, tag, worker, until: null));

        await RunAsync<ReturnTag.Handler>(services, admin, h => h.HandleAsync(admin, new(binding), default));
        await Should.ThrowAsync<DomainRuleException>(() => RunAsync<ReturnTag.Handler>(services, admin, h => h.HandleAsync(admin, new(binding), default)));
        await BindAsync(services, admin, tag, worker, until: null);

        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Set<TagBinding>().CountAsync(b => b.TagId == tag)).ShouldBe(2);
        (await db.Set<TagBinding>().SingleAsync(b => b.Id == binding)).ReturnedAt.ShouldBe(database.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_person_keeps_certificates_with_their_expiry_and_the_validator_names_the_field()
    {
        await using var services = Services();
        var admin = EnterpriseAdmin(database.Qd1);
        var id = await RunAsync<RegisterPerson.Handler, Guid>(services, admin, h => h.HandleAsync(admin, new(
            "焊工丙", PersonTypes.Contractor, "某安装公司", TrainingStatus.Trained,
            [new("特种作业操作证（焊接与热切割）", "T370200001", new DateOnly(2027, 3, 31))]), default));

        await using var db = database.OwnerContext(TenantScope.System);
        var person = await db.Set<Person>().Include(p => p.Certificates).SingleAsync(p => p.Id == id);
        person.Certificates.ShouldHaveSingleItem().ExpiredOn(new DateOnly(2027, 4, 1)).ShouldBeTrue();

        var refusal = await Should.ThrowAsync<ValidationException>(() => RunAsync<RegisterPerson.Handler, Guid>(services, admin,
            h => h.HandleAsync(admin, new("承包商丁", PersonTypes.Contractor, null, TrainingStatus.NotTrained, []), default)));
        refusal.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(RegisterPerson.Command.Company));
    }

    [Fact]
    public async Task An_issued_device_credential_publishes_into_its_own_enterprise_only_and_a_revoked_one_no_longer_connects()
    {
        await using var services = Services();
        var admin = EnterpriseAdmin(database.Qd1);
        var issued = await RunAsync<IssueDeviceCredential.Handler, IssueDeviceCredential.Issued>(services, admin,
            h => h.HandleAsync(admin, new("一期UWB定位引擎"), default));

        using (var device = await MqttBroker.ConnectAsync(issued.Username, issued.Secret))
        {
            (await device.PublishAsync(Fix(FixTopics.Of(database.Qd2)))).ReasonCode.ShouldBe(MqttClientPublishReasonCode.NotAuthorized);
            // Accepted: nobody subscribes to this enterprise's topic in this test, so the broker says so instead of "success".
            (await device.PublishAsync(Fix(FixTopics.Of(database.Qd1)))).ReasonCode.ShouldBeOneOf(MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers);
        }

        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var stored = await db.Set<DeviceCredential>().SingleAsync(c => c.Id == issued.Id);
            DeviceSecrets.Matches(issued.Secret, stored.SecretHash).ShouldBeTrue();
            stored.SecretHash.ShouldNotContain(issued.Secret);
        }

        await RunAsync<RevokeDeviceCredential.Handler>(services, admin, h => h.HandleAsync(admin, new(issued.Id), default));
        var (client, result) = await MqttBroker.TryConnectAsync(issued.Username, issued.Secret);
        client.Dispose();
        result.ShouldNotBe(MqttClientConnectResultCode.Success);
    }

    [Fact]
    public async Task Row_level_security_alone_hides_another_enterprises_tags_people_bindings_and_credentials()
    {
        await using var services = Services();
        var admin = EnterpriseAdmin(database.Wf1);
        var tag = await RunAsync<RegisterPositioningTag.Handler, Guid>(services, admin, h => h.HandleAsync(admin, new("RLS-0001", TagKind.Helmet), default));
        var person = await RegisterPersonAsync(services, admin, "隔离人员", PersonTypes.Employee, null);
        await BindAsync(services, admin, tag, person, until: null);
        await RunAsync<IssueDeviceCredential.Handler, IssueDeviceCredential.Issued>(services, admin, h => h.HandleAsync(admin, new("隔离引擎"), default));

        await using var other = database.AppContext(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "other"));
        (await other.Set<PositioningTag>().IgnoreQueryFilters().CountAsync(t => t.EnterpriseId == database.Wf1)).ShouldBe(0);
        (await other.Set<Person>().IgnoreQueryFilters().CountAsync(p => p.EnterpriseId == database.Wf1)).ShouldBe(0);
        (await other.Set<TagBinding>().IgnoreQueryFilters().CountAsync(b => b.EnterpriseId == database.Wf1)).ShouldBe(0);
        (await other.Set<DeviceCredential>().IgnoreQueryFilters().CountAsync(c => c.EnterpriseId == database.Wf1)).ShouldBe(0);
        await using var own = database.AppContext(TenantScope.ForEnterprise(database.Wf1, Guid.NewGuid(), "own"));
        (await own.Set<TagBinding>().IgnoreQueryFilters().CountAsync(b => b.TagId == tag)).ShouldBe(1);
    }

    [Fact]
    public async Task Another_enterprises_tag_cannot_be_bound_and_an_inspector_cannot_register()
    {
        await using var services = Services();
        var admin = EnterpriseAdmin(database.Qd1);
        var foreignAdmin = EnterpriseAdmin(database.Qd2);
        var foreignTag = await RunAsync<RegisterPositioningTag.Handler, Guid>(services, foreignAdmin, h => h.HandleAsync(foreignAdmin, new("FOREIGN-01", TagKind.Wristband), default));
        var person = await RegisterPersonAsync(services, admin, "员工戊", PersonTypes.Employee, null);

        await Should.ThrowAsync<NotFoundException>(() => BindAsync(services, admin, foreignTag, person, until: null));
        var inspector = EnterpriseAdmin(database.Qd1, Roles.Inspector);
        await Should.ThrowAsync<DomainRuleException>(() => RunAsync<RegisterPositioningTag.Handler, Guid>(services, inspector, h => h.HandleAsync(inspector, new("INSP-01", TagKind.Badge), default)));
    }

    private ServiceProvider Services() =>
        database.CreateServices(s => s.AddSingleton<IBrokerCredentials>(new BrokerAccounts(Options.Create(MqttBroker.Options()))));

    private static Actor EnterpriseAdmin(Guid enterpriseId, string role = Roles.EnterpriseAdmin) =>
        new(TenantScope.ForEnterprise(enterpriseId, Guid.NewGuid(), "tester"), new HashSet<string> { role });

    private static async Task<TResult> RunAsync<THandler, TResult>(ServiceProvider services, Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private static async Task RunAsync<THandler>(ServiceProvider services, Actor actor, Func<THandler, Task> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private static Task<Guid> RegisterPersonAsync(ServiceProvider services, Actor actor, string name, PersonTypes type, string? company) =>
        RunAsync<RegisterPerson.Handler, Guid>(services, actor, h => h.HandleAsync(actor, new(name, type, company, TrainingStatus.Trained, []), default));

    private static Task<Guid> BindAsync(ServiceProvider services, Actor actor, Guid tag, Guid person, DateTimeOffset? until) =>
        RunAsync<BindTag.Handler, Guid>(services, actor, h => h.HandleAsync(actor, new(tag, person, until), default));

    private static MqttApplicationMessage Fix(string topic) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload("""{"tag":"T1"}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
}
