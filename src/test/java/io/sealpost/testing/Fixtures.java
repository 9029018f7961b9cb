package io.sealpost.testing;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Attachments and messages generated for the tests: every format carries the given text. */
public final class Fixtures {

    private Fixtures() {
    }

    public interface Writer {
        void write(OutputStream out) throws Exception;
    }

    public static byte[] bytes(Writer writer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pdf(String text) {
        return pdf(text, null);
    }

    /** A PDF protected with an owner password and the given user password ("" opens without one). */
    public static byte[] pdf(String text, String userPassword) {
        return bytes(out -> {
            try (PDDocument document = new PDDocument()) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
                if (userPassword != null) {
                    AccessPermission permissions = new AccessPermission();
                    permissions.setCanExtractContent(false);
                    StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
                    policy.setEncryptionKeyLength(128);
                    document.protect(policy);
                }
                document.save(out);
            }
        });
    }

    public static byte[] docx(String text) {
        return bytes(out -> {
            try (XWPFDocument document = new XWPFDocument()) {
                document.createParagraph().createRun().setText(text);
                document.write(out);
            }
        });
    }

    public static byte[] xlsx(String text) {
        return workbook(new XSSFWorkbook(), text);
    }

    public static byte[] xls(String text) {
        return workbook(new HSSFWorkbook(), text);
    }

    private static byte[] workbook(Workbook workbook, String text) {
        return bytes(out -> {
            try (workbook) {
                workbook.createSheet("data").createRow(0).createCell(0).setCellValue(text);
                workbook.write(out);
            }
        });
    }

    public static byte[] pptx(String text) {
        return bytes(out -> {
            try (XMLSlideShow slides = new XMLSlideShow()) {
                slides.createSlide().createTextBox().setText(text);
                slides.write(out);
            }
        });
    }

    public static byte[] ppt(String text) {
        return bytes(out -> {
            try (HSLFSlideShow slides = new HSLFSlideShow()) {
                slides.createSlide().createTextBox().setText(text);
                slides.write(out);
            }
        });
    }

    public static byte[] rtf(String text) {
        return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0 " + text + "\\par}").getBytes(StandardCharsets.US_ASCII);
    }

    /** An OpenDocument text: the zip of mimetype, manifest and content.xml. */
    public static byte[] odt(String text) {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text><text:p>" + text + "</text:p></office:text></office:body>"
                + "</office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        return zip("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII),
                "META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8),
                "content.xml", content.getBytes(StandardCharsets.UTF_8));
    }

    /** A zip of name, bytes, name, bytes... */
    public static byte[] zip(Object... namesAndBytes) {
        return bytes(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (int i = 0; i < namesAndBytes.length; i += 2) {
                    zip.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
                    zip.write((byte[]) namesAndBytes[i + 1]);
                    zip.closeEntry();
                }
            }
        });
    }

    /** A zip whose entries claim to be encrypted (general-purpose bit 0 set in every header). */
    public static byte[] encryptedZip(String name, byte[] content) {
        byte[] zip = zip(name, content);
        for (int i = 0; i + 10 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                zip[i + 6] |= 1;
            } else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 8] |= 1;
            }
        }
        return zip;
    }

    /** A small zip that unpacks to {@code megabytes} of text. */
    public static byte[] zipBomb(int megabytes) {
        return bytes(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("bomb.txt"));
                byte[] block = "a".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < megabytes; i++) {
                    zip.write(block);
                }
                zip.closeEntry();
            }
        });
    }

    /** {@code levels} zips inside each other, the innermost holding the text. */
    public static byte[] nestedZip(int levels, String text) {
        byte[] inner = zip("secret.txt", text.getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < levels; i++) {
            inner = zip("level" + i + ".zip", inner);
        }
        return inner;
    }

    /** An OOXML document encrypted with a password (ECMA-376 agile encryption). */
    public static byte[] encryptedDocx(String text) {
        return bytes(out -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                encryptor.confirmPassword("secret");
                try (OutputStream data = encryptor.getDataStream(fs)) {
                    data.write(docx(text));
                }
                fs.writeFilesystem(out);
            }
        });
    }

    /**
     * A TNEF stream (winmail.dat) with one attachment, written attribute by attribute as in
     * MS-OXTNEF: signature, key, then level, id (type and property), length, data, checksum.
     */
    public static byte[] tnef(String attachmentName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        littleEndian(out, 0x223E9F78, 4);
        littleEndian(out, 0x0001, 2);
        tnefAttribute(out, 1, 0x00089006, new byte[] {0, 0, 1, 0});                       // attTnefVersion
        tnefAttribute(out, 2, 0x00069002, new byte[14]);                                 // attAttachRendData
        tnefAttribute(out, 2, 0x00018010, (attachmentName + "\0").getBytes(StandardCharsets.US_ASCII)); // attAttachTitle
        tnefAttribute(out, 2, 0x0006800F, content);                                      // attAttachData
        return out.toByteArray();
    }

    private static void tnefAttribute(ByteArrayOutputStream out, int level, int id, byte[] data) {
        out.write(level);
        littleEndian(out, id, 4);
        littleEndian(out, data.length, 4);
        out.writeBytes(data);
        int checksum = 0;
        for (byte b : data) {
            checksum += b & 0xff;
        }
        littleEndian(out, checksum & 0xffff, 2);
    }

    private static void littleEndian(ByteArrayOutputStream out, int value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write(value >>> (8 * i) & 0xff);
        }
    }

    public static MimeMessage message(String subject, String body) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setSubject(subject);
            message.setText(body, "UTF-8");
            message.saveChanges();
            return message;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message with a short body and one attachment. */
    public static MimeMessage withAttachment(String name, String contentType, byte[] content) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setSubject("Documents");
            MimeBodyPart body = new MimeBodyPart();
            body.setText("Please see the attachment.", "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
            attachment.setFileName(name);
            message.setContent(new MimeMultipart(body, attachment));
            message.saveChanges();
            return reparse(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message as a receiving gateway sees it: written out and parsed back. */
    public static MimeMessage reparse(MimeMessage message) throws Exception {
        return raw(new String(bytes(message::writeTo), StandardCharsets.ISO_8859_1));
    }

    public static MimeMessage raw(String rfc822) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rfc822.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
