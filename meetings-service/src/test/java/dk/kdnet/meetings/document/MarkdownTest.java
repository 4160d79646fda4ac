package dk.kdnet.meetings.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.meetings.document.Markdown.Block;
import dk.kdnet.meetings.document.Markdown.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void linesJoinIntoParagraphsAndListsBecomeBulletsWithTheirMarkers() {
        var blocks = Markdown.blocks("""
                ## Baggrund
                GovTech Midtjylland er et **fælles** samarbejde
                mellem de 19 kommuner og regionen.

                - Bilag 9 - [Budgetforslag 2024 \\(GovTech Midtjylland\\)](#)
                - udtræden pr. 1. januar 2024,
                  med 12 måneders varsel
                1. første del
                2) anden del""");
        assertEquals(List.of(
                new Block(Kind.HEADING, "", "Baggrund"),
                new Block(Kind.PARAGRAPH, "", "GovTech Midtjylland er et fælles samarbejde mellem de 19 kommuner og regionen."),
                new Block(Kind.BULLET, "•", "Bilag 9 - Budgetforslag 2024 (GovTech Midtjylland)"),
                new Block(Kind.BULLET, "•", "udtræden pr. 1. januar 2024, med 12 måneders varsel"),
                new Block(Kind.BULLET, "1.", "første del"),
                new Block(Kind.BULLET, "2)", "anden del")), blocks);
    }

    @Test
    void aDateStartingALineInsideAParagraphIsText() {
        assertEquals(List.of(new Block(Kind.PARAGRAPH, "", "Lars Holte deltager også på KKR mødet d. 21. juni, hvor han "
                + "præsenterer strategien.")), Markdown.blocks("Lars Holte deltager også på KKR mødet d.\n21. juni, hvor han "
                + "præsenterer strategien."));
    }

    @Test
    void nothingToPrintIsNoBlocks() {
        assertEquals(List.of(), Markdown.blocks(null));
        assertEquals(List.of(), Markdown.blocks("\n  \n"));
    }
}
