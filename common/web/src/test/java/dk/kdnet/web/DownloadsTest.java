package dk.kdnet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void aNameIsItsPartsJoinedWithHyphens() {
        assertEquals("GovTech-Midtjylland-2024-bidrag.xlsx",
                Downloads.fileName(".xlsx", "GovTech Midtjylland", 2024, "bidrag"));
        assertEquals("KD-Net-2023-08-25-dagsorden.pdf", Downloads.fileName(".pdf", "KD-Net", "2023-08-25", "dagsorden"));
        assertEquals("a-b.csv", Downloads.fileName(".csv", "a / b", null));
    }

    @Test
    void anAsciiNameNeedsNoExtendedParameter() {
        assertEquals("attachment; filename=\"GovTech-Midtjylland-2024-bidrag.xlsx\"",
                Downloads.contentDisposition("attachment", "GovTech-Midtjylland-2024-bidrag.xlsx"));
    }

    @Test
    void danishLettersTravelInFilenameStarWithAnAsciiFallback() {
        assertEquals("inline; filename=\"Klimastyregruppe-moede-Aarhus.pdf\"; "
                        + "filename*=UTF-8''Klimastyregruppe-m%C3%B8de-%C3%85rhus.pdf",
                Downloads.contentDisposition("inline", "Klimastyregruppe-møde-Århus.pdf"));
    }
}
