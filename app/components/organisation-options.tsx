export type OrganisationChoice = { id: string; acronym: string; name: string };

/** The options of a select that names an organisation, "ACRONYME – Nom", after the empty choice. */
export function OrganisationOptions({ organisations, emptyLabel }: { organisations: OrganisationChoice[]; emptyLabel: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {organisations.map((organisation) => (
        <option key={organisation.id} value={organisation.id}>
          {organisation.acronym} – {organisation.name}
        </option>
      ))}
    </>
  );
}
