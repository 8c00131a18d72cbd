// The app around the README's recipe (src/app/help.component.ts, extracted at test time).
import { bootstrapApplication } from '@angular/platform-browser';
import { HelpComponent } from './app/help.component';

bootstrapApplication(HelpComponent).catch((err: unknown) => console.error(err));
