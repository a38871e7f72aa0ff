package org.civcheck.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings as plain texts, read once. POI's {@code ReadOnlySharedStringsTable}
 * reads the same part but hands each text out as a new XML-bean rich-text object; a 台账 has tens
 * of thousands of distinct texts (titles, places, file names), and making those objects took an
 * eighth of the time of reading a 10,000-row ledger and a quarter of its memory. The texts are
 * read as POI reads them: the runs of an item joined, its phonetic guides (rPh) left out; the
 * part is parsed by POI's hardened SAX reader (no DOCTYPE, no external entities).
 */
final class SharedTexts implements SharedStrings {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** No more room is set aside up front than this, whatever the part claims to hold. */
    private static final int PRESIZE_LIMIT = 1 << 16;

    private final List<Plain> texts;
    private final int count;

    private SharedTexts(List<Plain> texts, int count) {
        this.texts = texts;
        this.count = count;
    }

    /** The shared strings of {@code opc}; none when the workbook has no such part. */
    static SharedTexts of(OPCPackage opc) throws IOException, SAXException, ParserConfigurationException {
        List<PackagePart> parts = opc.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new SharedTexts(List.of(), 0);
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return read(in);
        }
    }

    /** The shared strings of a sharedStrings.xml part. */
    static SharedTexts read(InputStream part) throws IOException, SAXException, ParserConfigurationException {
        Handler handler = new Handler();
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(part));
        return new SharedTexts(handler.texts, handler.count);
    }

    /** The text at {@code idx}; an index the part does not hold throws, as POI's table does. */
    @Override
    public RichTextString getItemAt(int idx) {
        return texts.get(idx);
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return texts.size();
    }

    /** The SAX events of the part: each {@code si}'s {@code t} texts outside {@code rPh}, joined. */
    private static final class Handler extends DefaultHandler {
        private final StringBuilder characters = new StringBuilder();
        private List<Plain> texts = new ArrayList<>();
        private int count;
        private boolean inText;
        private boolean inPhonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (localName) {
                case "sst" -> {
                    count = number(attributes.getValue("count"));
                    texts = new ArrayList<>(Math.min(number(attributes.getValue("uniqueCount")), PRESIZE_LIMIT));
                }
                case "si" -> characters.setLength(0);
                case "t" -> inText = true;
                case "rPh" -> inPhonetic = true;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> texts.add(new Plain(characters.toString()));
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && !inPhonetic) {
                characters.append(ch, start, length);
            }
        }

        private static int number(String attribute) {
            if (attribute == null) {
                return 0;
            }
            try {
                return Math.max(0, Integer.parseInt(attribute.strip()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** A cell's text as the sheet reader takes it (by {@code toString}); read only. */
    private record Plain(String text) implements RichTextString {

        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw readOnly();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw readOnly();
        }

        @Override
        public void applyFont(Font font) {
            throw readOnly();
        }

        @Override
        public void clearFormatting() {
            throw readOnly();
        }

        @Override
        public void applyFont(short fontIndex) {
            throw readOnly();
        }

        private static UnsupportedOperationException readOnly() {
            return new UnsupportedOperationException("A cell's text read from a workbook is read only.");
        }
    }
}
