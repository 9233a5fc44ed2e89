import dev.gongcrm.client.Credentials
import dev.gongcrm.client.GongCrmClient
import dev.gongcrm.client.model.GenericCrmRegistrationRequest
import dev.gongcrm.emulator.Emulator

import java.time.Duration

// A local Gong API for this project's builds, in the invoker's JVM; verify.groovy reads it and closes it.
def gong = Emulator.builder().port(0).processingDelay(Duration.ofMillis(50)).build().start()
context.emulator = gong
def client = GongCrmClient.builder().baseUrl(gong.baseUrl()).credentials(Credentials.basic('gongcrm', 'gongcrm'))
        .build()
try {
    client.registerIntegration(new GenericCrmRegistrationRequest('upload-valid IT', 'owner@example.com'))
} finally {
    client.close()
}
// every invocation of the project gets -Dgongcrm.baseUrl=... and the master password of its server's password
context.userProperties.put('gongcrm.baseUrl', gong.baseUrl())
context.userProperties.put('settings.security', new File(basedir, 'settings-security.xml').absolutePath)
