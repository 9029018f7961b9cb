package io.sealpost.policy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Extracts the text of an attachment with Tika's {@link AutoDetectParser}, and of everything inside
 * it (archive entries, attached mails, embedded documents) separately, each under its own location
 * ({@code attachment:outer.zip/inner.docx}). Runs each attachment on a worker with a time limit and
 * within the {@link ScanLimits}; encrypted, corrupt or over-limit parts are reported unscannable.
 */
final class AttachmentExtractor {

    /**
     * No OCR: Tesseract is not part of this installation, and Tika's PDF parser fails when asked
     * to OCR without it. A PDF that yields no text at all is reported instead.
     */
    private static final PDFParserConfig TEXT_LAYER_ONLY = new PDFParserConfig();

    static {
        TEXT_LAYER_ONLY.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    }

    private final Parser parser = new AutoDetectParser();
    private final ScanLimits limits;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sealpost-extract");
        thread.setDaemon(true);
        return thread;
    });

    AttachmentExtractor(ScanLimits limits) {
        this.limits = limits;
    }

    /**
     * Extracts one attachment of a message, reporting to the sink.
     *
     * @param messageChars characters extracted so far from the message's attachments
     */
    void extract(InputStream in, String name, AtomicLong messageChars, ScanSink sink) {
        String location = "attachment:" + name;
        Attempt attempt = new Attempt(limits, messageChars);
        Future<?> work = workers.submit(() -> parse(in, name, location, 0, attempt, sink));
        try {
            work.get(limits.parseTime().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            attempt.stop("not extracted within " + limits.parseTime().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            attempt.stop("scan interrupted");
        } catch (ExecutionException e) {
            attempt.stop("extraction failed: " + describe(e.getCause()));
        }
        if (attempt.stoppedBecause() != null) {
            sink.unscannable(location, attempt.stoppedBecause(), ScanSink.Cause.FAILED);
        }
    }

    private void parse(InputStream in, String name, String location, int depth, Attempt attempt, ScanSink sink) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        TextHandler handler = new TextHandler(attempt);
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new Nested(location, depth, attempt, sink));
        context.set(PDFParserConfig.class, TEXT_LAYER_ONLY);
        Throwable failure = null;
        try (TikaInputStream stream = TikaInputStream.get(new Metered(in, attempt, depth > 0))) {
            parser.parse(stream, handler, metadata, context);
        } catch (Exception | StackOverflowError e) {
            failure = e;
        }
        Throwable cause = failure;
        String text = handler.text();
        boolean imageOnlyPdf = cause == null && text.isBlank() && "application/pdf".equals(metadata.get(Metadata.CONTENT_TYPE));
        attempt.report(() -> {
            sink.text(location, text);
            if (encrypted(cause)) {
                sink.unscannable(location, "encrypted (password-protected)", ScanSink.Cause.ENCRYPTED);
            } else if (cause != null) {
                sink.unscannable(location, "cannot be parsed: " + describe(cause), ScanSink.Cause.FAILED);
            } else if (imageOnlyPdf) {
                sink.unscannable(location, "a PDF without text (a scanned image?); there is no OCR to read it", ScanSink.Cause.FAILED);
            }
        });
    }

    /**
     * Tika says so for PDF and Office files; for ZIP, commons-compress reports an entry it cannot
     * read, and the entry's flag tells whether that is because it is encrypted.
     */
    private static boolean encrypted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EncryptedDocumentException) {
                return true;
            }
            if (cause instanceof UnsupportedZipFeatureException zip) {
                return zip.getFeature() == UnsupportedZipFeatureException.Feature.ENCRYPTION
                        || (zip.getEntry() != null && zip.getEntry().getGeneralPurposeBit().usesEncryption());
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        // parsers may quote the content they choke on: digits are masked like evidence
        String why = root.getClass().getSimpleName() + (message == null ? "" : ": " + Mask.digits(message));
        return why.length() > 200 ? why.substring(0, 200) + "..." : why;
    }

    /** Parses each embedded document on its own, under the parent's location, within the depth limit. */
    private final class Nested implements EmbeddedDocumentExtractor {
        private final String location;
        private final int depth;
        private final Attempt attempt;
        private final ScanSink sink;
        private final AtomicInteger unnamed = new AtomicInteger();

        Nested(String location, int depth, Attempt attempt, ScanSink sink) {
            this.location = location;
            this.depth = depth;
            this.attempt = attempt;
            this.sink = sink;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return true;
        }

        @Override
        public void parseEmbedded(InputStream in, ContentHandler ignored, Metadata metadata, boolean outputHtml)
                throws IOException {
            String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
            if (name == null || name.isBlank()) {
                name = "embedded-" + unnamed.incrementAndGet();
            }
            String child = location + "/" + name;
            if (depth + 1 > limits.archiveDepth()) {
                attempt.report(() -> sink.unscannable(child, "nested more than " + limits.archiveDepth() + " levels deep",
                        ScanSink.Cause.FAILED));
                return;
            }
            parse(in, name, child, depth + 1, attempt, sink);
            attempt.check();
        }
    }

    /** Counts what is read and enforces the limits on every read. */
    private static final class Metered extends FilterInputStream {
        private final Attempt attempt;
        private final boolean nested;

        Metered(InputStream in, Attempt attempt, boolean nested) {
            super(in);
            this.attempt = attempt;
            this.nested = nested;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            attempt.read(b < 0 ? 0 : 1, nested);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            attempt.read(Math.max(n, 0), nested);
            return n;
        }
    }

    /** Collects the plain text of one document, counting it against the message's budget. */
    private static final class TextHandler extends DefaultHandler {
        private final Attempt attempt;
        private final StringBuilder text = new StringBuilder();

        TextHandler(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            try {
                attempt.extracted(length);
            } catch (Attempt.LimitExceeded e) {
                throw new SAXException(e);
            }
            text.append(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            characters(ch, start, length);
        }

        String text() {
            return text.toString();
        }
    }
}
