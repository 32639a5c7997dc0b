package dev.hookline.it;

import static dev.hookline.it.TestSources.GITHUB_SECRET;
import static dev.hookline.it.TestSources.INHOUSE_SECRET;
import static dev.hookline.it.TestSources.LEGACY_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium against the deployed WAR: log in, find the delivery this test sent,
 * open it, replay it, watch its attempt count rise. Leaves a screenshot in {@code target/console.png}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline("console", TestAdmin.CONFIGURATION, RecordingObservers.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void logInFindADeliveryOpenItAndReplayIt() throws Exception {
        assertTrue(Browser.installed(), "chromium and chromedriver are needed: apt-get install chromium chromium-driver");
        Sender sender = new Sender(base);
        sendSomeTraffic(sender);
        String delivery = UUID.randomUUID().toString();
        HttpResponse<String> sent = sender.to("github").body("{\"ref\":\"refs/heads/main\",\"commits\":[{\"id\":1}]}")
                .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery)
                .githubSignature(GITHUB_SECRET).send();
        assertEquals(202, sent.statusCode());
        String id = Json.createReader(new StringReader(sent.body())).readObject().getString("id");

        try (Browser browser = new Browser()) {
            try {
                use(browser, id, delivery);
            } catch (RuntimeException | AssertionError e) {
                Files.write(Path.of("target/console-failure.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
                Files.writeString(Path.of("target/console-failure.html"), browser.driver.getPageSource());
                throw e;
            }
        }
    }

    private void use(Browser browser, String id, String delivery) throws Exception {
        WebDriver page = browser.driver;
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
        page.get(base + "admin/");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        page.findElement(By.id("user")).sendKeys(TestAdmin.USER);
        page.findElement(By.id("password")).sendKeys("not the password");
        page.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "not right"));
        assertEquals("", page.findElement(By.id("password")).getAttribute("value"), "a wrong password is cleared");

        page.findElement(By.id("password")).sendKeys(TestAdmin.PASSWORD);
        page.findElement(By.id("login-button")).click();
        By row = By.cssSelector("#deliveries tr[data-id='" + id + "']");
        WebElement sentRow = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertFalse(page.findElement(By.id("login")).isDisplayed(), "the login form is gone once logged in");
        assertTrue(sentRow.getText().contains("github"), sentRow.getText());
        assertTrue(sentRow.getText().contains("push"), sentRow.getText());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "PROCESSED"));
        page.findElement(row).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-id"), id));
        assertEquals(delivery, page.findElement(By.id("detail-delivery-id")).getText());
        assertEquals("1", page.findElement(By.id("detail-attempts")).getText());
        String body = page.findElement(By.id("detail-body")).getText();
        assertTrue(body.contains("\"ref\": \"refs/heads/main\""), "pretty-printed: " + body);
        String headers = page.findElement(By.id("detail-headers")).getText();
        assertTrue(headers.contains("x-github-event"), headers);
        assertFalse(headers.contains("x-hub-signature"), headers);

        page.findElement(By.id("replay")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-attempts"), "2"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "PROCESSED"));
        assertTrue(page.findElement(row).getText().endsWith("2"), page.findElement(row).getText());

        new Select(page.findElement(By.id("filter-status"))).selectByVisibleText("FAILED");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertTrue(page.findElements(By.cssSelector("#deliveries tbody tr")).stream()
                .allMatch(r -> r.getText().contains("FAILED")));
        new Select(page.findElement(By.id("filter-status"))).selectByVisibleText("all");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        page.findElement(row).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-attempts"), "2"));
        assertFalse(page.findElements(By.cssSelector("#chart rect[data-outcome='PROCESSED']")).isEmpty(),
                "the chart shows this minute's processed deliveries");

        Files.write(Path.of("target/console.png"), browser.driver.getScreenshotAs(OutputType.BYTES));

        // Logging out forgets the credentials: the tab's storage is empty, and a reload asks for the login again.
        page.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        assertEquals(0L, ((JavascriptExecutor) page).executeScript("return sessionStorage.length"));
        page.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        assertFalse(page.findElement(By.id("console")).isDisplayed(), "nothing is shown after logging out");
    }

    /** A little of everything, so that the table, the totals and the chart have something to show. */
    private static void sendSomeTraffic(Sender sender) {
        for (String event : List.of("push", "pull_request", "issues", "push", "release")) {
            sender.to("github").body("{\"action\":\"opened\",\"number\":" + event.length() + "}")
                    .header("X-GitHub-Event", event).header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .githubSignature(GITHUB_SECRET).send();
        }
        for (String type : List.of("invoice.paid", "explode", "invoice.payment.failed")) {
            sender.to("inhouse").body("{\"id\":\"" + UUID.randomUUID() + "\",\"event\":{\"type\":\"" + type + "\"}}")
                    .inhouseSignature(INHOUSE_SECRET).send();
        }
        sender.to("legacy").body("{\"event_type\":\"order.created\",\"order\":" + System.nanoTime() + "}")
                .legacySignature(LEGACY_SECRET).send();
        sender.to("github").body("{}").githubSignature("forged").send();
    }
}
