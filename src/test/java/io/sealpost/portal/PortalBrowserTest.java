package io.sealpost.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.testing.PortalMail;
import io.sealpost.testing.RunningSealpost;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A recipient's whole visit in Debian's headless Chromium: notification link, "Send me a code",
 * the code from the mail, the message, the attachment saved to disk. Uses only the OS packages'
 * browser and driver, so Selenium Manager never downloads anything.
 */
class PortalBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dataDir;
    @TempDir
    Path browserProfile;
    @TempDir
    Path downloads;

    @Test
    void recipientReadsTheMessageAndDownloadsTheAttachment() throws Exception {
        requireBrowser();
        String recipient = "jane@example.com";
        byte[] attachment = "Clause 7: the price is final.\nSigned, A.\n".getBytes(StandardCharsets.UTF_8);
        byte[] message = PortalMail.secureMessage("Alice Sender <alice@corp.example>", recipient, "Contract draft",
                "Please review the attached contract.", "<p>Please review the <b>attached</b> contract.</p>",
                "contract notes.txt", "text/plain; charset=utf-8", attachment);

        try (RunningSealpost sealpost = RunningSealpost.start(dataDir, Map.of())) {
            String link = PortalMail.sealAndGetLink(sealpost, "alice@corp.example", recipient, message);
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(link);
                assertTrue(browser.findElement(By.tagName("main")).getText().contains("j***@example.com"));
                browser.findElement(By.xpath("//button[normalize-space()='Send me a code']")).click();

                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")))
                        .sendKeys(PortalMail.awaitCode(sealpost, recipient, 1));
                browser.findElement(By.xpath("//button[normalize-space()='Open the message']")).click();

                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Contract draft"));
                String page = browser.findElement(By.tagName("main")).getText();
                assertTrue(page.contains("Alice Sender <alice@corp.example>"), page);
                assertTrue(page.contains("Please review the attached contract."), page);
                assertFalse(page.contains("Send me a code"));
                Files.write(Path.of("target", "portal-message.png"),
                        ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

                browser.findElement(By.linkText("contract notes.txt")).click();
                Path saved = downloads.resolve("contract notes.txt");
                wait.until(driver -> Files.isRegularFile(saved) && saved.toFile().length() == attachment.length);
                assertArrayEquals(attachment, Files.readAllBytes(saved));
            } finally {
                browser.quit();
            }
        }
    }

    /** On CI the browser is part of the contract; on a developer machine without it the test is skipped. */
    private static void requireBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
    }

    private WebDriver chromium() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1100,900", "--user-data-dir=" + browserProfile));
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }
}
